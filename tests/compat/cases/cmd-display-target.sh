# display-message -t: the pane's variables
"$TMUX_BIN" -f /dev/null new -d -s work -n main 'sleep 1000'
"$TMUX_BIN" splitw -d 'sleep 1001'
"$TMUX_BIN" neww -d -n second 'sleep 1002'
"$TMUX_BIN" display -p -t work:0.1 '#{session_name} #{window_index} #{window_name} #{pane_index}'
"$TMUX_BIN" display -p -t work:1 '#{window_name} #{pane_index}'
"$TMUX_BIN" display -p -t work:1 -F '#{window_panes}'
