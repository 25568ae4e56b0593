# killing the last pane or window of a session ends the session
"$TMUX_BIN" -f /dev/null new -d -s a 'sleep 1000'
"$TMUX_BIN" new -d -s b 'sleep 1000'
"$TMUX_BIN" kill-pane -t a:0.0
"$TMUX_BIN" ls -F '#{session_name}'
"$TMUX_BIN" neww -d -t b 'sleep 1000'
"$TMUX_BIN" kill-window -t b:0
"$TMUX_BIN" lsw -t b -F '#{window_index}'
