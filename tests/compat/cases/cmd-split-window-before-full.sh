# split-window -b takes the odd line for the new pane on top (left); a full split (-f)
# shrinks every cell of the window by tmux's arithmetic (tmux 3.3a)
"$TMUX_BIN" -f /dev/null new -d -s s0 -x 81 -y 25 'sleep 1000'
"$TMUX_BIN" split-window -d -v -b -t s0 'sleep 1000'
"$TMUX_BIN" display -p -t s0 '#{window_layout}'
"$TMUX_BIN" split-window -d -h -b -t s0:0.1 'sleep 1000'
"$TMUX_BIN" display -p -t s0 '#{window_layout}'
"$TMUX_BIN" split-window -d -f -b -v -t s0 'sleep 1000'
"$TMUX_BIN" display -p -t s0 '#{window_layout}'
"$TMUX_BIN" split-window -d -f -h -b -t s0 'sleep 1000'
"$TMUX_BIN" display -p -t s0 '#{window_layout}'
"$TMUX_BIN" split-window -d -f -v -t s0 'sleep 1000'
"$TMUX_BIN" display -p -t s0 '#{window_layout}'
"$TMUX_BIN" split-window -d -f -h -t s0 'sleep 1000'
"$TMUX_BIN" display -p -t s0 '#{window_layout}'
"$TMUX_BIN" join-pane -s s0:0.0 -t s0:0.0; echo "join-pane: $?"
