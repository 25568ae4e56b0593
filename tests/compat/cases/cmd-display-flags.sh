# display-message -p -F, the default message, -F with an argument, -d, -c
"$TMUX_BIN" -f /dev/null new -d -s work -n main 'sleep 1000'
"$TMUX_BIN" display -p -F '#{session_name}-#{window_name}'
"$TMUX_BIN" display -p -F x y
echo "rc=$?"
"$TMUX_BIN" display -p | sed 's/ - (.*)$/ - (TIME)/'
"$TMUX_BIN" display -p -d 100 'd #{window_index}'
"$TMUX_BIN" display -p -c /dev/nosuch 'c #{pane_index}'
echo "rc=$?"
"$TMUX_BIN" display 'no client to show it to'
echo "rc=$?"
"$TMUX_BIN" display -N -p 'N'
"$TMUX_BIN" display -p '%%'
