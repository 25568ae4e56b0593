# session:window.pane, session:.pane, :.pane and .pane.
$TMUX_BIN new -d -s s -n one -x 80 -y 24 cat
$TMUX_BIN splitw -d -t s:one cat
$TMUX_BIN splitw -d -t s:one cat
$TMUX_BIN neww -d -t s -n two cat
for t in s:one.1 s:one.2 s:.2 :.1 .2 s:0.0 s:one.3 .5; do
    printf '%s: ' "$t"
    $TMUX_BIN display -p -t "$t" '#{window_name}.#{pane_index} #{pane_id}'
    $TMUX_BIN selectp -t "$t"
done
