# resize-window below what the layout needs (a cell and a border for each pane): the
# window stays as large as its layout, zoomed or not, as tmux 3.3a; it grows back after.
T=$TMUX_BIN
F='#{pane_id} #{pane_width}x#{pane_height} #{pane_left},#{pane_top} #{pane_active}'
W='#{window_width}x#{window_height} #{window_zoomed_flag} #{window_layout} #{window_visible_layout}'
"$T" -f /dev/null new -d -s s -x 80 -y 24 'sleep 1000'
"$T" splitw -d -t s -h 'sleep 1000'
"$T" splitw -d -t s -h 'sleep 1000'
"$T" splitw -d -t s:0.2 -v 'sleep 1000'
for zoom in 0 1; do
    [ "$zoom" = 1 ] && "$T" resize-pane -Z -t s:0.1
    for sz in 10x5 5x3 3x2 1x1 20x10 80x24; do
        "$T" resize-window -t s -x "${sz%x*}" -y "${sz#*x}"
        "$T" display -p -t s "$W"
        "$T" lsp -t s -F "$F"
    done
done
"$T" resize-pane -Z -t s:0.1
"$T" display -p -t s "$W"
