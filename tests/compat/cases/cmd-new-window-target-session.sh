# new-window -t NAME: a target without a colon is a window index in the current session
# first (tmux: "index 0 in use" for an existing session name s, whose window 0 is used),
# so s: names the session; an index that is free makes the window there
# Window 0 is named (s is a prefix of its name, so -t s finds it as a window): named after
# its command instead, it would be "tmux" until the child had run its shell, "sh" after,
# and tmux's answer depended on the moment.
"$TMUX_BIN" -f /dev/null new -d -s s -n sleeper -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" new-window -d -t s 'sleep 1000'; echo "rc=$?"
"$TMUX_BIN" new-window -d -t s: 'sleep 1000'; echo "rc=$?"
"$TMUX_BIN" new-window -d -t s:5 'sleep 1000'; echo "rc=$?"
"$TMUX_BIN" new-window -d -t 5 'sleep 1000'; echo "rc=$?"
"$TMUX_BIN" new-window -d -t 9 'sleep 1000'; echo "rc=$?"
"$TMUX_BIN" new-window -d -a -t s 'sleep 1000'; echo "rc=$?"
"$TMUX_BIN" new-window -d -b -t s:0 'sleep 1000'; echo "rc=$?"
"$TMUX_BIN" new -d -s 7 -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" new-window -d -t 7 'sleep 1000'; echo "rc=$?"
"$TMUX_BIN" list-windows -a -F '#{session_name}:#{window_index}'
"$TMUX_BIN" kill-server
