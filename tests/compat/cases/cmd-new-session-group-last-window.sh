# A new session of a group has shown no other window yet: no last window ('-' flag) and
# last-window fails, whatever the stack of the session it joins (tmux 3.3a)
"$TMUX_BIN" -f /dev/null new -d -s s0 'sleep 1000'
"$TMUX_BIN" neww -d -t s0: 'sleep 1000'
"$TMUX_BIN" neww -d -t s0: 'sleep 1000'
"$TMUX_BIN" selectw -t s0:1
"$TMUX_BIN" selectw -t s0:2
"$TMUX_BIN" new -d -s s1 -t s0
"$TMUX_BIN" new -d -s s2 -t s1
"$TMUX_BIN" lsw -a -F '#{session_name}:#{window_index} #{window_active} #{window_flags}'
"$TMUX_BIN" last-window -t s1; echo "last-window: $?"
"$TMUX_BIN" selectw -t s1:1
"$TMUX_BIN" lsw -t s1 -F '#{window_index} #{window_active} #{window_flags}'
