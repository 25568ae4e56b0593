# break-pane -t session:index, -a after a window, -b before it; an index in use fails
"$TMUX_BIN" -f /dev/null new -d -s work -n main 'sleep 1000'
"$TMUX_BIN" splitw -d 'sleep 1001'
"$TMUX_BIN" splitw -d 'sleep 1002'
"$TMUX_BIN" splitw -d 'sleep 1003'
"$TMUX_BIN" breakp -d -s work:0.1 -t work:5 -n five
"$TMUX_BIN" breakp -d -s work:0.1 -t work:5
echo "rc=$?"
"$TMUX_BIN" breakp -d -a -s work:0.1 -t work:0 -n after
"$TMUX_BIN" breakp -d -b -s work:0.1 -t work:0 -n before -P
"$TMUX_BIN" lsw -F '#{window_index} #{window_name} #{window_panes}'
