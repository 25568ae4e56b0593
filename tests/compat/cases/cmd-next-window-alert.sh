# next-window -a / previous-window -a: to a window with an alert
"$TMUX_BIN" -f /dev/null new -d -s w -n a 'sleep 1000'
"$TMUX_BIN" neww -d -n b 'sleep 1000'
"$TMUX_BIN" neww -d -n c 'sleep 1; printf "\a"; sleep 1000'
"$TMUX_BIN" neww -d -n d 'sleep 1000'
i=0
while [ $i -lt 100 ] && [ "$("$TMUX_BIN" display -p -t w:c '#{window_bell_flag}')" != 1 ]; do sleep 0.1; i=$((i + 1)); done
"$TMUX_BIN" next -a; "$TMUX_BIN" display -p '#{window_index}'
"$TMUX_BIN" selectw -t :3
"$TMUX_BIN" selectw -t :0
"$TMUX_BIN" prev -a; "$TMUX_BIN" display -p '#{window_index}'
