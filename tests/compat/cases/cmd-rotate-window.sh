# rotate-window -U (default) and -D: panes move along the order, the active place stays
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" splitw -d 'sleep 1001'
"$TMUX_BIN" splitw -h 'sleep 1002'
F='#{pane_index}:#{pane_id}:#{pane_left},#{pane_top}:#{pane_width}x#{pane_height}:#{pane_active}'
"$TMUX_BIN" lsp -F "$F"
"$TMUX_BIN" rotate-window
"$TMUX_BIN" lsp -F "$F"
"$TMUX_BIN" rotatew -D
"$TMUX_BIN" rotatew -D -t work:0
"$TMUX_BIN" lsp -F "$F"
"$TMUX_BIN" rotatew -U
"$TMUX_BIN" lsp -F "$F"
