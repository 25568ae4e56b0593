# new-session -A -d with an existing session: nothing new; a duplicate without -A fails
"$TMUX_BIN" -f /dev/null new -d -s work
"$TMUX_BIN" new -A -d -s work
echo "rc=$?"
"$TMUX_BIN" new -d -s work
echo "rc=$?"
"$TMUX_BIN" new -Ad -s work -P
echo "rc=$?"
"$TMUX_BIN" ls -F '#{session_name} #{session_windows}' | sort
