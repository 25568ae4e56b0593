# -f FILE is loaded before the command runs.
. "$COMPAT_LIB"
printf 'set -g status-left from-config\nset -g base-index 4\n' > "$COMPAT_TMP/s.conf"
$T -f "$COMPAT_TMP/s.conf" new -d
echo "rc=$?"
$T display -p '#{status-left}'
$T lsw -F '#{window_index}'
