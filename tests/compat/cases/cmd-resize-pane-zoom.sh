# resize-pane -Z toggles the zoom of the target pane
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" splitw -d 'sleep 1001'
"$TMUX_BIN" resizep -Z -t work:0.1
"$TMUX_BIN" display -p '#{window_zoomed_flag} #{pane_index} #{pane_width}x#{pane_height}'
"$TMUX_BIN" resizep -Z
"$TMUX_BIN" display -p '#{window_zoomed_flag} #{pane_index} #{pane_width}x#{pane_height}'
