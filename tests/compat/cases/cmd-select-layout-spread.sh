# select-layout -E on nested splits: the target's cell and its siblings
"$TMUX_BIN" -f /dev/null new -d -s a -x 81 -y 24 'sleep 1000'
"$TMUX_BIN" splitw -h -d -l 10 'sleep 1001'
"$TMUX_BIN" splitw -h -d -t a:0.1 -l 5 'sleep 1002'
"$TMUX_BIN" splitw -v -d -t a:0.2 'sleep 1003'
F='#{pane_index} #{pane_width}x#{pane_height} #{pane_left},#{pane_top}'
"$TMUX_BIN" lsp -F "$F"
echo "-- E 0"
"$TMUX_BIN" selectl -E -t a:0.0
"$TMUX_BIN" lsp -F "$F"
echo "-- E 2"
"$TMUX_BIN" selectl -E -t a:0.2
"$TMUX_BIN" lsp -F "$F"
# A cell that changes in the spread gives (or takes) one cell per pane in turn, from its
# first, not in proportion (tmux 3.3a)
"$TMUX_BIN" new-window -d -t a:5 'sleep 1000'
"$TMUX_BIN" split-window -d -h -l 90 -t a:5.0 'sleep 1000'
"$TMUX_BIN" split-window -d -v -t a:5.1 'sleep 1000'
"$TMUX_BIN" split-window -d -h -l 20 -t a:5.2 'sleep 1000'
"$TMUX_BIN" select-layout -E -t a:5.0
"$TMUX_BIN" display -p -t a:5 '#{window_layout}'
