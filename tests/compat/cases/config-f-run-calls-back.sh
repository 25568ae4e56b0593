# A startup config's run-shell may call the server back (plugin managers do): the
# inner command runs while the config waits for it.
. "$COMPAT_LIB"
cat > "$COMPAT_TMP/r.conf" <<'CONF'
run '"$TMUX_BIN" set -g status-left from-job'
set -g status-right after-run
CONF
$T -f "$COMPAT_TMP/r.conf" new -d
echo "rc=$?"
$T display -p '#{status-left} #{status-right}'
