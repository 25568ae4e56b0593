# With pane-border-status, the layout keeps the window's full size: the panes at the top
# (bottom) of the window give a row to their line, every other pane's line is the border
# above (below) it; so splits, zoom, presets and #{window_layout} are the same as tmux's.
. "$COMPAT_LIB"
for st in top bottom; do
    for y in 7 8; do
        $T new -d -s "s$st$y" -x 60 -y $y 'sleep 1000'
        $T set -w -t "s$st$y" pane-border-status $st
        $T split-window -v -t "s$st$y" 'sleep 1000'
        $T split-window -h -t "s$st$y" 'sleep 1000'
        echo "-- $st $y"
        $T list-panes -t "s$st$y" -F '#{pane_left},#{pane_top} #{pane_width}x#{pane_height}'
        $T display -p -t "s$st$y" '#{window_layout}'
    done
done
$T resize-pane -Z -t stop7
$T list-panes -t stop7 -F '#{pane_top} #{pane_height}#{?window_zoomed_flag, Z,}'
$T resize-pane -Z -t stop7
$T select-layout -t stop8 tiled
$T display -p -t stop8 '#{window_layout}'
$T set -w -t sbottom8 pane-border-status off
$T display -p -t sbottom8 '#{window_layout}'
$T list-panes -t sbottom8 -F '#{pane_top} #{pane_height}'
