# Reorder windows.
. "$COMPAT_LIB"
$T new -d -s x -n a cat
$T new-window -d -t x -n b cat
$T new-window -d -t x -n c cat
$T swap-window -s x:0 -t x:2
$T list-windows -t x -F '#{window_index}:#{window_name}'
