# move-window -t index, -k, -a, -b, -d
"$TMUX_BIN" -f /dev/null new -d -s work -n w0 'sleep 1000'
"$TMUX_BIN" neww -d -n w1 'sleep 1000'
"$TMUX_BIN" neww -d -n w2 'sleep 1000'
"$TMUX_BIN" movew -s work:2 -t work:5
"$TMUX_BIN" lsw -F '#{window_index} #{window_name} #{window_active}'
"$TMUX_BIN" movew -s work:1 -t work:5
echo "rc=$?"
"$TMUX_BIN" movew -d -s work:1 -a -t work:5
"$TMUX_BIN" lsw -F '#{window_index} #{window_name} #{window_active}'
"$TMUX_BIN" movew -s work:6 -b -t work:0
"$TMUX_BIN" lsw -F '#{window_index} #{window_name} #{window_active}'
"$TMUX_BIN" movew -k -s work:0 -t work:6
"$TMUX_BIN" lsw -F '#{window_index} #{window_name} #{window_active}'
