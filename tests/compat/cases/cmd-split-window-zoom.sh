# split-window -Z zooms the active pane after the split
"$TMUX_BIN" -f /dev/null new -d -s a -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" splitw -Z 'sleep 1001'
"$TMUX_BIN" display -p '#{window_zoomed_flag} #{pane_index} #{pane_height}'
"$TMUX_BIN" splitw -d -Z 'sleep 1002'
"$TMUX_BIN" display -p '#{window_zoomed_flag} #{pane_index} #{pane_height}'
"$TMUX_BIN" lsp -F '#{pane_index} #{pane_active}'
