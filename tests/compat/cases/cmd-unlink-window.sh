# unlink-window: only a window linked elsewhere, unless -k
"$TMUX_BIN" -f /dev/null new -d -s a -n one 'sleep 1000'
"$TMUX_BIN" neww -d -t a -n two 'sleep 1000'
"$TMUX_BIN" new -d -s b -n bee 'sleep 1000'
"$TMUX_BIN" linkw -d -s a:1 -t b:4
"$TMUX_BIN" unlink-window -t b:0
echo "rc=$?"
"$TMUX_BIN" unlinkw -t b:4
echo "rc=$?"
"$TMUX_BIN" lsw -a -F '#{session_name}:#{window_index} #{window_name} #{window_linked}'
"$TMUX_BIN" linkw -d -s a:0 -t a:6
"$TMUX_BIN" unlinkw -t a:0
echo "rc=$?"
"$TMUX_BIN" lsw -a -F '#{session_name}:#{window_index} #{window_name} #{window_linked}'
"$TMUX_BIN" unlinkw -k -t b:0
echo "rc=$?"
"$TMUX_BIN" has -t b
echo "has b: $?"
"$TMUX_BIN" unlinkw -k -t a:1
echo "rc=$?"
"$TMUX_BIN" lsw -a -F '#{session_name}:#{window_index} #{window_name} #{window_linked}'
"$TMUX_BIN" unlinkw -t a:9
echo "rc=$?"
