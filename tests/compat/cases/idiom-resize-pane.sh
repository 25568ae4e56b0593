# Fix a side pane's width.
. "$COMPAT_LIB"
$T new -d -s x -x 100 -y 30 cat
$T split-window -h -t x cat
$T resize-pane -t x:0.0 -x 30
$T list-panes -t x -F '#{pane_index} #{pane_width}'
$T resize-pane -t x:0.1 -L 5
$T list-panes -t x -F '#{pane_index} #{pane_width}'
