# Session groups: the session_group* formats, window_linked in a group, joining a group
"$TMUX_BIN" -f /dev/null new -d -s work -n one 'sleep 1000'
F='#{session_name} grouped=#{session_grouped} group=#{session_group} size=#{session_group_size} list=#{session_group_list} att=#{session_group_attached} attl=#{session_group_attached_list} many=#{session_group_many_attached} linked=#{window_linked} ls=#{window_linked_sessions} lsl=#{window_linked_sessions_list}'
"$TMUX_BIN" ls -F "$F"
"$TMUX_BIN" new -d -s other -t work
echo "rc=$?"
"$TMUX_BIN" ls -F "$F"
"$TMUX_BIN" new -d -t other
echo "rc=$?"
"$TMUX_BIN" new -d -s third -t work
"$TMUX_BIN" ls -F "$F"
"$TMUX_BIN" new -d -s solo -n s 'sleep 1000'
"$TMUX_BIN" linkw -d -s solo:0 -t work:5
"$TMUX_BIN" lsw -a -F '#{session_name}:#{window_index} #{window_name} #{window_linked} #{window_linked_sessions}'
"$TMUX_BIN" new -d -s x -t nosuch
echo "rc=$?"
"$TMUX_BIN" new -d -s work -t other
echo "rc=$?"
"$TMUX_BIN" ls -F '#{session_name} #{session_group}'
