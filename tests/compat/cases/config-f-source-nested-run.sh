# A startup config sourcing another whose run-shell must finish before the client's
# command.
. "$COMPAT_LIB"
printf 'run "sleep 0.2; touch \\"$COMPAT_TMP/done\\""\n' > "$COMPAT_TMP/inner.conf"
printf 'source "$COMPAT_TMP/inner.conf"\nif "test -f \\"$COMPAT_TMP/done\\"" "set -g status-left yes" "set -g status-left no"\n' > "$COMPAT_TMP/outer.conf"
$T -f "$COMPAT_TMP/outer.conf" new -d
$T display -p '#{status-left}'
