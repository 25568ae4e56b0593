# Session groups share their windows: new, killed, moved, renamed in one are so in all;
# each session keeps its own current window
"$TMUX_BIN" -f /dev/null new -d -s work -n one 'sleep 1000'
"$TMUX_BIN" new -d -s other -t work
"$TMUX_BIN" neww -d -t work -n two 'sleep 1000'
"$TMUX_BIN" neww -t other:5 -n five 'sleep 1000'
"$TMUX_BIN" lsw -a -F '#{session_name}:#{window_index} #{window_name} #{window_active} #{window_id}'
"$TMUX_BIN" selectw -t work:1
"$TMUX_BIN" ls -F '#{session_name} #{window_index} #{session_windows}'
"$TMUX_BIN" killw -t other:1
"$TMUX_BIN" renamew -t work:0 zero
"$TMUX_BIN" movew -s work:5 -t work:3
"$TMUX_BIN" lsw -a -F '#{session_name}:#{window_index} #{window_name} #{window_active}'
"$TMUX_BIN" kill-session -t work
"$TMUX_BIN" ls -F '#{session_name} #{session_grouped} #{session_group_size} #{session_windows}'
"$TMUX_BIN" lsw -a -F '#{session_name}:#{window_index} #{window_name} #{window_linked}'
