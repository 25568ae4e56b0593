# move-window of a linked window: the other session keeps it; the same index is an error
"$TMUX_BIN" -f /dev/null new -d -s a -n one 'sleep 1000'
"$TMUX_BIN" neww -d -t a -n two 'sleep 1000'
"$TMUX_BIN" new -d -s b -n bee 'sleep 1000'
"$TMUX_BIN" linkw -d -s a:1 -t b:2
"$TMUX_BIN" movew -s b:2 -t b:4
echo "rc=$?"
"$TMUX_BIN" lsw -a -F '#{session_name}:#{window_index} #{window_name} #{window_linked_sessions_list}'
"$TMUX_BIN" movew -s a:1 -t a:1
echo "rc=$?"
"$TMUX_BIN" movew -s a:1 -t b:4
echo "rc=$?"
"$TMUX_BIN" movew -s a:1 -t b:6
echo "rc=$?"
"$TMUX_BIN" lsw -a -F '#{session_name}:#{window_index} #{window_name} #{window_linked_sessions_list}'
"$TMUX_BIN" swapw -s b:4 -t b:0
"$TMUX_BIN" lsw -a -F '#{session_name}:#{window_index} #{window_name} #{window_active}'
"$TMUX_BIN" movew -r -t b
"$TMUX_BIN" lsw -a -F '#{session_name}:#{window_index} #{window_name} #{window_active}'
