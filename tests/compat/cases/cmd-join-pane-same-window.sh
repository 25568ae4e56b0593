# join-pane within one window: tmux splits the target first with the source still in
# place, then closes the source (its space to the cell before it, or after it when it
# was first), so a same-direction cell can stay nested; -f puts the pane after the
# target in the pane order; too small a target fails with nothing changed (tmux 3.3a)
"$TMUX_BIN" -f /dev/null new -d -s s0 -x 120 -y 40 'sleep 1000'
"$TMUX_BIN" split-window -d -h -t s0:0.0 'sleep 1000'
"$TMUX_BIN" split-window -d -h -t s0:0.0 'sleep 1000'
"$TMUX_BIN" join-pane -d -h -s s0:0.0 -t s0:0.1
"$TMUX_BIN" display -p -t s0 '#{window_layout}'
"$TMUX_BIN" join-pane -d -v -s s0:0.2 -t s0:0.0
"$TMUX_BIN" display -p -t s0 '#{window_layout}'
"$TMUX_BIN" join-pane -d -h -s s0:0.2 -t s0:0.1
"$TMUX_BIN" display -p -t s0 '#{window_layout}'
"$TMUX_BIN" join-pane -d -f -v -s s0:0.0 -t s0:0.1
"$TMUX_BIN" display -p -t s0 '#{window_layout}'
"$TMUX_BIN" list-panes -t s0 -F '#{pane_index} #{pane_id} #{pane_width}x#{pane_height}'
"$TMUX_BIN" new-window -d -t s0:1 'sleep 1000'
"$TMUX_BIN" split-window -d -h -t s0:1.0 'sleep 1000'
"$TMUX_BIN" resize-window -t s0:1 -x 3 -y 5
"$TMUX_BIN" join-pane -d -h -s s0:1.0 -t s0:1.1; echo "join-pane: $?"
"$TMUX_BIN" display -p -t s0:1 '#{window_layout}'
