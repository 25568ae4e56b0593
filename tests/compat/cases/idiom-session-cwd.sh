# A session started in a project directory.
. "$COMPAT_LIB"
mkdir -p "$COMPAT_TMP/project"
$T new -d -s x -n w1 -c "$COMPAT_TMP/project" cat
$T display -p -t x '#{session_path}'
$T new-window -d -t x -c "$COMPAT_TMP" -n w2 cat
$T list-windows -t x -F '#{window_name}'
