# rotate-window unzooms, -Z keeps the window zoomed; a bad window is an error
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" splitw -d 'sleep 1001'
"$TMUX_BIN" resize-pane -Z
"$TMUX_BIN" rotatew -Z
"$TMUX_BIN" display -p '#{window_zoomed_flag} #{pane_index} #{pane_id}'
"$TMUX_BIN" rotatew
"$TMUX_BIN" display -p '#{window_zoomed_flag} #{pane_index} #{pane_id}'
