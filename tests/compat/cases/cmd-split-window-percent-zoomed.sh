# split-window -l N% takes N% of the pane as it is: in a zoomed window, of the whole
# window (then the split is clamped to the pane's cell); with -f of the window (tmux 3.3a)
"$TMUX_BIN" -f /dev/null new -d -s s -x 40 -y 44 'sleep 1000'
"$TMUX_BIN" split-window -d -v -t s:0.0 'sleep 1000'
"$TMUX_BIN" split-window -d -v -t s:0.1 'sleep 1000'
"$TMUX_BIN" resize-pane -Z -t s:0.0
"$TMUX_BIN" split-window -d -v -l 69% -t s:0.0 'sleep 1000'
"$TMUX_BIN" display -p -t s:0 '#{window_layout}'
"$TMUX_BIN" split-window -d -h -l 30% -t s:0.2 'sleep 1000'
"$TMUX_BIN" display -p -t s:0 '#{window_layout}'
"$TMUX_BIN" split-window -d -v -f -l 20% -t s:0.2 'sleep 1000'
"$TMUX_BIN" display -p -t s:0 '#{window_layout}'
