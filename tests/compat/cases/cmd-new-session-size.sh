# new-session -x -y: the detached session's size; bad sizes are errors
"$TMUX_BIN" -f /dev/null new -d -s work -x 100 -y 30
"$TMUX_BIN" display -p -t work '#{window_width}x#{window_height}'
"$TMUX_BIN" new -d -s bad -x 0
echo "rc=$?"
"$TMUX_BIN" new -d -s bad -y abc
echo "rc=$?"
"$TMUX_BIN" ls -F '#{session_name}' | sort
