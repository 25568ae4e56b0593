# break-pane of a window's only pane moves the window, printing nothing
"$TMUX_BIN" -f /dev/null new -d -s work -n main 'sleep 1000'
"$TMUX_BIN" neww -d -n second 'sleep 1001'
"$TMUX_BIN" breakp -s work:0.0 -P
echo "rc=$?"
"$TMUX_BIN" lsw -F '#{window_index} #{window_name} #{window_active}'
"$TMUX_BIN" breakp -d -s work:1 -t work:7 -n renamed
"$TMUX_BIN" lsw -F '#{window_index} #{window_name} #{window_active}'
