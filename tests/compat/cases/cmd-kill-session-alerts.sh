# kill-session -C clears the alerts and keeps the session
"$TMUX_BIN" -f /dev/null new -d -s work 'sleep 1000'
"$TMUX_BIN" neww -d -n b 'sleep 1; printf "\a"; sleep 1000'
i=0
while [ $i -lt 100 ] && [ "$("$TMUX_BIN" display -p -t work:b '#{window_bell_flag}')" != 1 ]; do sleep 0.1; i=$((i + 1)); done
"$TMUX_BIN" display -p -t work:b '#{window_bell_flag}'
"$TMUX_BIN" kill-session -C -t work
echo "rc=$?"
"$TMUX_BIN" display -p -t work:b '#{window_bell_flag}'
"$TMUX_BIN" ls -F '#{session_name}'
