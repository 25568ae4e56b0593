# {top} {bottom} {left} {right} and the corners: the pane at that edge's middle or corner.
$TMUX_BIN new -d -n w -s s -x 81 -y 25 cat
$TMUX_BIN splitw -d -h cat
$TMUX_BIN splitw -d -v -t .0 cat
$TMUX_BIN splitw -d -v -t .2 cat
$TMUX_BIN lsp -F '#{pane_index} #{pane_left},#{pane_top} #{pane_width}x#{pane_height}'
for t in {top} {bottom} {left} {right} {top-left} {top-right} {bottom-left} {bottom-right} top BOTTOM Top-Right; do
    printf '%s: ' "$t"
    $TMUX_BIN display -p -t ".$t" '#{pane_index}'
    $TMUX_BIN selectp -t ".$t"
done
