# break-pane -P prints session:window.pane, -F a format, -n names the new window
"$TMUX_BIN" -f /dev/null new -d -s work -n main 'sleep 1000'
"$TMUX_BIN" splitw -d 'sleep 1001'
"$TMUX_BIN" splitw -d 'sleep 1002'
"$TMUX_BIN" breakp -d -P -s work:0.1
"$TMUX_BIN" breakp -d -P -F '#{window_index}:#{window_name}:#{window_panes}' -n nm -s work:0.1
"$TMUX_BIN" lsw -F '#{window_index} #{window_panes}'
"$TMUX_BIN" display -p -t work:0 '#{window_name}'
"$TMUX_BIN" display -p -t work:2 '#{window_name}'
