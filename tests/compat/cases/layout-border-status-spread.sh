# With pane-border-status, spreading the panes out (even-vertical, main-vertical's other
# panes) gives the pane at the status edge its line's row on top of an even share, and
# resize-pane leaves that pane two rows at the least (its line and one of text), as
# tmux does; main-horizontal's main pane is sized as without the option.
. "$COMPAT_LIB"
for st in top bottom; do
    s="s$st"
    $T new -d -s "$s" -x 80 -y 24 'sleep 1000'
    $T set -w -t "$s" pane-border-status $st
    for i in 1 2 3; do $T split-window -v -t "$s" 'sleep 1000'; done
    for layout in even-vertical main-vertical main-horizontal; do
        $T select-layout -t "$s" $layout
        echo "-- $st $layout"
        $T display -p -t "$s" '#{window_layout}'
    done
    $T select-layout -t "$s" even-vertical
    $T resize-pane -t "$s.0" -D 30
    $T list-panes -t "$s" -F '#{pane_index} #{pane_top} #{pane_height}'
    $T resize-pane -t "$s.2" -U 30
    $T list-panes -t "$s" -F '#{pane_index} #{pane_top} #{pane_height}'
done
