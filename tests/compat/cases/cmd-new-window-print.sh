# new-window -P prints session:index, -F a format; -n names it
"$TMUX_BIN" -f /dev/null new -d -s work
"$TMUX_BIN" neww -d -P
"$TMUX_BIN" neww -dP -n logs -F '#{window_index} #{window_name} #{pane_index}'
"$TMUX_BIN" neww -d -P -t work:7
"$TMUX_BIN" lsw -F '#{window_index} #{window_active}'
