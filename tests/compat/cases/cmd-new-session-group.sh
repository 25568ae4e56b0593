# new-session -t: a session grouped with another, sharing its windows
"$TMUX_BIN" -f /dev/null new -d -s work -n one 'sleep 1000'
"$TMUX_BIN" new -d -s other -t work
echo "rc=$?"
"$TMUX_BIN" neww -d -t work -n two 'sleep 1000'
"$TMUX_BIN" lsw -t other -F '#{window_index} #{window_name}'
