# new-session -P prints the session (session_name:), -F a format
"$TMUX_BIN" -f /dev/null new -d -P -s work
"$TMUX_BIN" new -dP -s two -F '#{session_name}/#{window_index}/#{pane_index}/#{window_name}' -n logs
"$TMUX_BIN" new -d -P -F '[#{session_windows}]'
"$TMUX_BIN" ls -F '#{session_name}' | sort
