# select-layout -o goes back to the layout before the last change; -E spreads evenly
"$TMUX_BIN" -f /dev/null new -d -s a -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" splitw -d 'sleep 1001'
"$TMUX_BIN" splitw -d 'sleep 1002'
F='#{pane_index} #{pane_width}x#{pane_height} #{pane_left},#{pane_top}'
"$TMUX_BIN" resizep -t a:0.0 -y 5
"$TMUX_BIN" lsp -F "$F"
echo "-- even-horizontal"
"$TMUX_BIN" selectl even-horizontal
"$TMUX_BIN" lsp -F "$F"
echo "-- o"
"$TMUX_BIN" selectl -o
"$TMUX_BIN" lsp -F "$F"
echo "-- E"
"$TMUX_BIN" selectl -E -t a:0.1
"$TMUX_BIN" lsp -F "$F"
echo "-- o again"
"$TMUX_BIN" selectl -o
"$TMUX_BIN" lsp -F "$F"
