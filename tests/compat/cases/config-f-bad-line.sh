# A startup config whose line fails when run still applies the rest.
. "$COMPAT_LIB"
printf 'set -g status-left one\nset -g no-such-option 1\nset -g status-right two\n' > "$COMPAT_TMP/b.conf"
$T -f "$COMPAT_TMP/b.conf" start \; display -p '#{status-left} #{status-right}'
echo "rc=$?"
