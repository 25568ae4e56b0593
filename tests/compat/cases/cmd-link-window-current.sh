# Which window becomes current when the current one is unlinked or killed
"$TMUX_BIN" -f /dev/null new -d -s a -n w0 'sleep 1000'
"$TMUX_BIN" neww -d -n w1 'sleep 1000'
"$TMUX_BIN" neww -d -n w2 'sleep 1000'
"$TMUX_BIN" new -d -s b -n bee 'sleep 1000'
"$TMUX_BIN" linkw -d -s a:0 -t b:3
"$TMUX_BIN" unlinkw -t a:0
"$TMUX_BIN" display -p -t a '#{window_index} #{window_name}'
"$TMUX_BIN" selectw -t b:3
"$TMUX_BIN" killw -t a:2
"$TMUX_BIN" display -p -t b '#{window_index} #{window_name} #{session_windows}'
"$TMUX_BIN" linkw -s a:1 -t b:7
"$TMUX_BIN" linkw -d -s a:1 -t b:8
"$TMUX_BIN" lsw -t b -F '#{window_index} #{window_name} #{window_flags} #{window_active} #{window_last_flag}'
"$TMUX_BIN" killw -t b:7
"$TMUX_BIN" lsw -a -F '#{session_name}:#{window_index} #{window_name} #{window_flags}'
