# Nobody attached: a window keeps its size when it moves. break-pane's new window is the
# size of the one the pane left, not its session's; a window broken or moved out of a
# session of a group whose only window it was takes that session away, alone: the rest
# of the group keep the window (tmux 3.3a)
"$TMUX_BIN" -f /dev/null new -d -s a -x 100 -y 30 'sleep 1000'
"$TMUX_BIN" new -d -t a -s b
"$TMUX_BIN" new -d -t a -s x
"$TMUX_BIN" new -d -s c -x 80 -y 20 'sleep 1000'
"$TMUX_BIN" new -d -s d -x 120 -y 40 'sleep 1000'
"$TMUX_BIN" split-window -d -t d:0 'sleep 1000'
"$TMUX_BIN" break-pane -d -s d:0.1 -t c:
"$TMUX_BIN" break-pane -d -s b:0.0 -t c:
F='#{session_name}:#{window_index} #{window_id} #{window_width}x#{window_height}'
"$TMUX_BIN" ls -F '#{session_name} #{session_windows} #{session_group}'
"$TMUX_BIN" lsw -a -F "$F"
"$TMUX_BIN" move-window -d -s c:0 -t d:5
"$TMUX_BIN" new -d -t c -s e
"$TMUX_BIN" move-window -d -s e:1 -t d:
"$TMUX_BIN" move-window -d -s e:2 -t d:
"$TMUX_BIN" ls -F '#{session_name} #{session_windows} #{session_group}'
"$TMUX_BIN" lsw -a -F "$F"
"$TMUX_BIN" link-window -d -s a:0 -t d:9
"$TMUX_BIN" unlink-window -t x:0
"$TMUX_BIN" ls -F '#{session_name} #{session_windows} #{session_group}'
"$TMUX_BIN" lsw -a -F "$F"
