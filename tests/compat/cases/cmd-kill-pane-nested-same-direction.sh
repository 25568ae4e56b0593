# A pane closed leaves its sibling in its parent's place as it is: a cell split the same
# way as its new parent stays nested; a neighbour that is such a cell takes the freed
# columns one each in turn from its first pane (tmux 3.3a)
"$TMUX_BIN" -f /dev/null new -d -s s0 -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" split-window -d -h -t s0:0.0 'sleep 1000'
"$TMUX_BIN" split-window -d -v -t s0:0.1 'sleep 1000'
"$TMUX_BIN" split-window -d -h -t s0:0.2 'sleep 1000'
"$TMUX_BIN" split-window -d -h -t s0:0.2 'sleep 1000'
"$TMUX_BIN" kill-pane -t s0:0.1
"$TMUX_BIN" display -p -t s0 '#{window_layout}'
"$TMUX_BIN" kill-pane -t s0:0.0
"$TMUX_BIN" display -p -t s0 '#{window_layout}'
