# swap-pane between windows
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" splitw -d 'sleep 1001'
"$TMUX_BIN" neww -d 'sleep 1002'
"$TMUX_BIN" swapp -s work:1.0 -t work:0.1
"$TMUX_BIN" lsp -t work:0 -F '#{window_index} #{pane_index} #{pane_id} #{pane_active}'
"$TMUX_BIN" lsp -t work:1 -F '#{window_index} #{pane_index} #{pane_id} #{pane_active}'
"$TMUX_BIN" display -p '#{window_index}'
