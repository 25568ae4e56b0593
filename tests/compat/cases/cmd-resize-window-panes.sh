# resize-window resizes the window's panes with it; -A/-a without clients: the session size
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" splitw -h 'sleep 1001'
"$TMUX_BIN" resizew -x 100 -y 20
"$TMUX_BIN" lsp -F '#{pane_index} #{pane_width}x#{pane_height} #{pane_left},#{pane_top}'
"$TMUX_BIN" resizew -A
"$TMUX_BIN" display -p '#{window_width}x#{window_height}'
"$TMUX_BIN" resizew -x 60
"$TMUX_BIN" resizew -a
"$TMUX_BIN" display -p '#{window_width}x#{window_height}'
