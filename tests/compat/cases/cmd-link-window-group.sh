# link-window and move-window between sessions of one group: "sessions are grouped";
# linking into a grouped session from outside shows the window in the whole group
"$TMUX_BIN" -f /dev/null new -d -s g0 -n one 'sleep 1000'
"$TMUX_BIN" new -d -s g1 -t g0
"$TMUX_BIN" neww -d -t g0 -n two 'sleep 1000'
"$TMUX_BIN" linkw -d -s g0:1 -t g1:5
echo "rc=$?"
"$TMUX_BIN" movew -d -s g0:1 -t g1:6
echo "rc=$?"
"$TMUX_BIN" linkw -d -s g0:1 -t g0:7
echo "rc=$?"
"$TMUX_BIN" new -d -s out -n o 'sleep 1000'
"$TMUX_BIN" linkw -d -s out:0 -t g1:3
echo "rc=$?"
"$TMUX_BIN" unlinkw -t g0:7
echo "rc=$?"
"$TMUX_BIN" lsw -a -F '#{session_name}:#{window_index} #{window_name} #{window_linked} #{window_linked_sessions}'
"$TMUX_BIN" unlinkw -t g0:1
echo "rc=$?"
"$TMUX_BIN" unlinkw -k -t g0:1
echo "rc=$?"
"$TMUX_BIN" movew -s out:0 -t g0:9
echo "rc=$?"
"$TMUX_BIN" lsw -a -F '#{session_name}:#{window_index} #{window_name} #{window_linked}'
