# new-window selects the new window unless -d; -S selects an existing one of that name
"$TMUX_BIN" -f /dev/null new -d -s work -n w0 'sleep 1000'
"$TMUX_BIN" neww -n logs 'sleep 1000'
"$TMUX_BIN" display -p '#{window_index} #{window_name}'
"$TMUX_BIN" neww -d -n other 'sleep 1000'
"$TMUX_BIN" display -p '#{window_index} #{window_name}'
"$TMUX_BIN" selectw -t work:0
"$TMUX_BIN" neww -S -n logs 'sleep 1000'
"$TMUX_BIN" display -p '#{window_index} #{window_name}'
"$TMUX_BIN" lsw -F '#{window_index} #{window_name}'
