# resize-window: bad sizes and adjustments are errors, nothing changes
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24
for a in "-x 0" "-x abc" "-x 10001" "-y 0" "-y 10001" "-y x" "-L x"; do
    "$TMUX_BIN" resizew $a
    echo "$a rc=$?"
done
"$TMUX_BIN" display -p '#{window_width}x#{window_height}'
