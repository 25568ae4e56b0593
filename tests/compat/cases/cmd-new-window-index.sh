# new-window -t index in use; -k replaces; -a after, -b before, shifting
"$TMUX_BIN" -f /dev/null new -d -s work -n w0 'sleep 1000'
"$TMUX_BIN" neww -d -n w1 'sleep 1000'
"$TMUX_BIN" neww -d -n w2 'sleep 1000'
"$TMUX_BIN" neww -d -t work:1 -n dup 'sleep 1000'
echo "rc=$?"
"$TMUX_BIN" neww -d -k -t work:1 -n k1 'sleep 1000'
"$TMUX_BIN" neww -d -a -t work:0 -n after0 'sleep 1000'
"$TMUX_BIN" neww -d -b -t work:0 -n before0 'sleep 1000'
"$TMUX_BIN" lsw -F '#{window_index} #{window_name}'
