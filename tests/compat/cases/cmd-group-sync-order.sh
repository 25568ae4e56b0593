# Sessions of a group as tmux 3.3a keeps them: move-window -r renumbers the target only
# (the others follow at the group's next change); a new session of the group copies the
# first one and leaves the others alone; a window killed leaves the group showing what
# the first session by name shows; a session whose current window went moves to its
# last window
F='#{session_name}:#{window_index} #{window_id} #{window_active}#{window_flags}'
"$TMUX_BIN" -f /dev/null new -d -s a -x 100 -y 30 'sleep 1000'
"$TMUX_BIN" new-window -d -t a:5 'sleep 1000'
"$TMUX_BIN" new-window -d -t a:7 'sleep 1000'
"$TMUX_BIN" new -d -t a -s b
"$TMUX_BIN" move-window -r -t b
"$TMUX_BIN" lsw -a -F "$F"
"$TMUX_BIN" new -d -t b -s c
"$TMUX_BIN" lsw -a -F "$F"
"$TMUX_BIN" new-window -d -t a:9 'sleep 1000'
"$TMUX_BIN" lsw -a -F "$F"
"$TMUX_BIN" move-window -r -t c
"$TMUX_BIN" kill-window -t c:1
"$TMUX_BIN" lsw -a -F "$F"
"$TMUX_BIN" select-window -t a:7
"$TMUX_BIN" select-window -t a:9
"$TMUX_BIN" select-window -t b:9
"$TMUX_BIN" kill-window -t a:9
"$TMUX_BIN" lsw -a -F "$F"
