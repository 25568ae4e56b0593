# A linked window closes in every session: kill-window, its last pane exiting; a
# session left without windows goes with it
"$TMUX_BIN" -f /dev/null new -d -s a -n one 'sleep 1000'
"$TMUX_BIN" neww -d -t a -n two 'sleep 1000'
"$TMUX_BIN" new -d -s b -n bee 'sleep 1000'
"$TMUX_BIN" linkw -d -s a:1 -t b:1
"$TMUX_BIN" splitw -d -t b:1 'sleep 1000'
"$TMUX_BIN" lsp -a -F '#{session_name}:#{window_index}.#{pane_index} #{window_panes}'
"$TMUX_BIN" killw -t b:1
echo "rc=$?"
"$TMUX_BIN" lsw -a -F '#{session_name}:#{window_index} #{window_name}'
"$TMUX_BIN" new -d -s c -n cee 'sleep 1000'
"$TMUX_BIN" linkw -d -s c:0 -t a:5
"$TMUX_BIN" linkw -d -s c:0 -t b:5
"$TMUX_BIN" killw -t a:5
echo "rc=$?"
"$TMUX_BIN" has -t c
echo "has c: $?"
"$TMUX_BIN" ls -F '#{session_name} #{session_windows}'
