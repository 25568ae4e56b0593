# pane_at_*, pane_top/bottom/left/right in a split window.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T split-window -d -t main -h 'sleep 1000'
$T split-window -d -t %1 -v 'sleep 1000'
$T display -p -t main '#{P:#{pane_index}=#{pane_at_top}#{pane_at_bottom}#{pane_at_left}#{pane_at_right} }'
$T display -p -t main '#{P:#{pane_top},#{pane_bottom},#{pane_left},#{pane_right} }'
