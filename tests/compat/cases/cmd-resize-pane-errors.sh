# resize-pane: bad sizes and adjustments as tmux says them
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" splitw -d 'sleep 1001'
for a in "-y 200%" "-y abc" "-x -1" "-x 5x" "-D x" "-D 0"; do
    "$TMUX_BIN" resizep $a
    echo "$a rc=$?"
done
"$TMUX_BIN" lsp -F '#{pane_index} #{pane_width}x#{pane_height}'
