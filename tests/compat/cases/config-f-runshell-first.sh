# A startup config's run-shell and if-shell are done before the client's command runs.
. "$COMPAT_LIB"
cat > "$COMPAT_TMP/r.conf" <<'CONF'
run 'sleep 0.3; touch "$COMPAT_TMP/flag"'
if 'test -f "$COMPAT_TMP/flag"' 'set -g status-left yes' 'set -g status-left no'
CONF
$T -f "$COMPAT_TMP/r.conf" new -d
$T display -p '#{status-left}'
