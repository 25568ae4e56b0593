# Move a pane out to its own window and back.
. "$COMPAT_LIB"
$T new -d -s x -n main cat
$T split-window -t x cat
$T break-pane -d -s x:0.1 -n side
$T list-windows -t x -F '#{window_index}:#{window_name} #{window_panes}'
$T join-pane -s x:1 -t x:0
echo "rc=$?"
$T list-windows -t x -F '#{window_index}:#{window_name} #{window_panes}'
