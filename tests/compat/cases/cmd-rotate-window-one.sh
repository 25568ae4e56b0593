# rotate-window with one pane changes nothing
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" rotatew -D
"$TMUX_BIN" rotatew
"$TMUX_BIN" lsp -F '#{pane_index}:#{pane_id}:#{pane_width}x#{pane_height}:#{pane_active}'
