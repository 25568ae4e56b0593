# kill-window -a: every other window of the session, in every session that shows them
"$TMUX_BIN" -f /dev/null new -d -s a -n one 'sleep 1000'
"$TMUX_BIN" neww -d -t a -n two 'sleep 1000'
"$TMUX_BIN" neww -d -t a -n three 'sleep 1000'
"$TMUX_BIN" new -d -s b -n bee 'sleep 1000'
"$TMUX_BIN" linkw -d -s a:2 -t b:1
"$TMUX_BIN" linkw -d -s a:0 -t a:5
"$TMUX_BIN" killw -a -t a:1
echo "rc=$?"
"$TMUX_BIN" lsw -a -F '#{session_name}:#{window_index} #{window_name}'
"$TMUX_BIN" neww -d -t a -n four 'sleep 1000'
"$TMUX_BIN" linkw -d -s a:1 -t a:7
"$TMUX_BIN" killw -a -t a:1
echo "rc=$?"
"$TMUX_BIN" ls -F '#{session_name} #{session_windows}'
"$TMUX_BIN" lsw -a -F '#{session_name}:#{window_index} #{window_name}'
