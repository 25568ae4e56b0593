# P: loops over the window's panes; a second format for the active one.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T new-window -d -t main -n second 'sleep 1000'
$T new -d -s other -x 80 -y 24 'sleep 1000'
$T split-window -d -t other 'sleep 1000'
$T display -p -t main '#{P:#{pane_index} }'
$T display -p -t main '#{P:#{pane_index},*}'
$T display -p -t other '#{P:#{pane_index}/#{pane_active} }'
$T display -p -t other '#{P:#{pane_index},[#{pane_index}]}'
$T display -p -t other '#{P:#{pane_width}x#{pane_height} }'
