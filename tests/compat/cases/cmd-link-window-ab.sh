# link-window -a / -b: after or before the target window, moving the others up
"$TMUX_BIN" -f /dev/null new -d -s a -n one 'sleep 1000'
"$TMUX_BIN" new -d -s b -n b0 'sleep 1000'
"$TMUX_BIN" neww -d -t b:1 -n b1 'sleep 1000'
"$TMUX_BIN" neww -d -t b:2 -n b2 'sleep 1000'
"$TMUX_BIN" link-window -a -s a:0 -t b:0
echo "rc=$?"
"$TMUX_BIN" lsw -t b -F '#{window_index} #{window_name} #{window_active}'
"$TMUX_BIN" link-window -d -b -s a:0 -t b:0
echo "rc=$?"
"$TMUX_BIN" lsw -t b -F '#{window_index} #{window_name} #{window_active}'
