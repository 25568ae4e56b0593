# kill-session -a, kill-window -a, kill-pane -a: everything but the target
"$TMUX_BIN" -f /dev/null new -d -s a 'sleep 1000'
"$TMUX_BIN" new -d -s b 'sleep 1000'
"$TMUX_BIN" new -d -s c 'sleep 1000'
"$TMUX_BIN" neww -d -t b -n x 'sleep 1000'
"$TMUX_BIN" neww -d -t b -n y 'sleep 1000'
"$TMUX_BIN" splitw -d -t b:y 'sleep 1000'
"$TMUX_BIN" splitw -d -t b:y 'sleep 1000'
"$TMUX_BIN" kill-session -a -t b
"$TMUX_BIN" ls -F '#{session_name} #{session_windows}'
"$TMUX_BIN" kill-window -a -t b:x
"$TMUX_BIN" lsw -t b -F '#{window_index} #{window_name}'
"$TMUX_BIN" neww -d -t b -n z 'sleep 1000'
"$TMUX_BIN" splitw -d -t b:z 'sleep 1001'
"$TMUX_BIN" splitw -d -t b:z 'sleep 1002'
"$TMUX_BIN" kill-pane -a -t b:z.1
"$TMUX_BIN" lsp -t b:z -F '#{pane_index} #{pane_active} #{pane_current_command}'
