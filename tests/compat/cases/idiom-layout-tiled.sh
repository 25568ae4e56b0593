# Four panes in a grid; the layout string is what layout-saving scripts store.
. "$COMPAT_LIB"
$T new -d -s x -x 80 -y 24 cat
$T split-window -t x cat
$T split-window -t x cat
$T split-window -t x cat
$T select-layout -t x tiled
$T list-windows -t x -F '#{window_layout}'
$T select-layout -t x even-horizontal
$T list-windows -t x -F '#{window_layout}'
