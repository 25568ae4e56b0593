# link-window: one window shown by two sessions (formats, -d, -k, errors)
"$TMUX_BIN" -f /dev/null new -d -s a -n one 'sleep 1000'
"$TMUX_BIN" neww -d -t a -n two 'sleep 1000'
"$TMUX_BIN" new -d -s b -n bee 'sleep 1000'
F='#{session_name}:#{window_index} #{window_name} #{window_id} #{window_linked} #{window_linked_sessions} #{window_linked_sessions_list} #{window_active_sessions} #{window_active_sessions_list} #{window_flags}'
"$TMUX_BIN" link-window -s a:1 -t b:3
echo "rc=$?"
"$TMUX_BIN" lsw -a -F "$F"
"$TMUX_BIN" link-window -s a:0 -t b:3
echo "rc=$?"
"$TMUX_BIN" link-window -s a:1 -t b:3
echo "rc=$?"
"$TMUX_BIN" link-window -k -s a:0 -t b:3
echo "rc=$?"
"$TMUX_BIN" link-window -d -s a:0 -t b:7
echo "rc=$?"
"$TMUX_BIN" lsw -a -F "$F"
"$TMUX_BIN" link-window -s a:1 -t a:4
echo "rc=$?"
"$TMUX_BIN" lsw -t a -F "$F"
"$TMUX_BIN" link-window -s a:9 -t b:8
echo "rc=$?"
"$TMUX_BIN" link-window -s nosuch:0 -t b:8
echo "rc=$?"
"$TMUX_BIN" linkw -s a:1 -t b
echo "rc=$?"
"$TMUX_BIN" linkw -s a:1
echo "rc=$?"
"$TMUX_BIN" lsw -a -F '#{session_name}:#{window_index} #{window_name}'
