# new-session -t NAME where NAME is a session in no group but a group of that name is
# left (its first session was killed): the session joins that group, and the new one
# shows what the group's first session shows, as tmux 3.3a.
T=$TMUX_BIN
F='#{session_name}:#{window_index} #{window_id} #{window_active}'
"$T" -f /dev/null new -d -s g -x 80 -y 24 'sleep 1000'
"$T" neww -d -t g: 'sleep 1000'
"$T" new -d -t g
"$T" kill-session -t g
"$T" new -d -s g -x 80 -y 24 'sleep 1000'
"$T" neww -d -t g:5 'sleep 1000'
"$T" neww -d -t g:7 'sleep 1000'
"$T" ls -F '#{session_name} #{session_windows} #{session_group} #{session_group_size}'
"$T" new -d -t g -s h
echo "rc=$?"
"$T" ls -F '#{session_name} #{session_windows} #{session_group} #{session_group_size}'
"$T" lsw -a -F "$F"
# The group's next change makes them all alike.
"$T" neww -d -t h: 'sleep 1000'
"$T" lsw -a -F "$F"
