# pane_start_path and pane_start_command.
. "$COMPAT_LIB"
cd "$COMPAT_TMP"
$T new -d -s main -x 80 -y 24 -c "$COMPAT_TMP" sleep 1000
$T display -p -t main '#{==:#{pane_start_path},#{session_path}}'
$T display -p -t main '#{pane_start_command}'
