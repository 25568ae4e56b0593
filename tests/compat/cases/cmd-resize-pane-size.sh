# resize-pane -x / -y in cells and in % of the window
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" splitw -d 'sleep 1001'
"$TMUX_BIN" splitw -h -d 'sleep 1002'
F='#{pane_index} #{pane_width}x#{pane_height}'
"$TMUX_BIN" resizep -y 30%; "$TMUX_BIN" lsp -F "$F"
"$TMUX_BIN" resizep -x 25%; "$TMUX_BIN" lsp -F "$F"
"$TMUX_BIN" resizep -t work:0.2 -y 5; "$TMUX_BIN" lsp -F "$F"
"$TMUX_BIN" resizep -t work:0.1 -x 10; "$TMUX_BIN" lsp -F "$F"
"$TMUX_BIN" resizep -D 2; "$TMUX_BIN" lsp -F "$F"
"$TMUX_BIN" resizep -L; "$TMUX_BIN" lsp -F "$F"
