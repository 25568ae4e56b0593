# resize-pane -L/-R/-U/-D as tmux 3.3a: the border after the pane moves (before it for
# the last cell); growing takes from the first cell after it with room, then from those
# before it; shrinking gives to the next cell from the pane, then from the cells before
# it; a cell that changes spreads the change over its panes one each in turn; -x/-y
"$TMUX_BIN" -f /dev/null new -d -s s0 -x 100 -y 30 'sleep 1000'
"$TMUX_BIN" split-window -d -v -t s0:0.0 'sleep 1000'
"$TMUX_BIN" split-window -d -h -t s0:0.0 'sleep 1000'
"$TMUX_BIN" split-window -d -v -t s0:0.0 'sleep 1000'
"$TMUX_BIN" display -p -t s0 '#{window_layout}'
"$TMUX_BIN" resize-pane -t s0:0.2 -D 2
"$TMUX_BIN" display -p -t s0 '#{window_layout}'
"$TMUX_BIN" resize-pane -t s0:0.1 -D 2
"$TMUX_BIN" display -p -t s0 '#{window_layout}'
"$TMUX_BIN" resize-pane -t s0:0.0 -D 5
"$TMUX_BIN" display -p -t s0 '#{window_layout}'
"$TMUX_BIN" resize-pane -t s0:0.1 -U 12
"$TMUX_BIN" display -p -t s0 '#{window_layout}'
"$TMUX_BIN" resize-pane -t s0:0.3 -U 30
"$TMUX_BIN" display -p -t s0 '#{window_layout}'
"$TMUX_BIN" resize-pane -t s0:0.2 -L 60
"$TMUX_BIN" display -p -t s0 '#{window_layout}'
"$TMUX_BIN" resize-pane -t s0:0.0 -R 70
"$TMUX_BIN" display -p -t s0 '#{window_layout}'
"$TMUX_BIN" new-window -d -t s0:1 'sleep 1000'
"$TMUX_BIN" split-window -d -h -t s0:1.0 'sleep 1000'
"$TMUX_BIN" split-window -d -h -t s0:1.1 'sleep 1000'
"$TMUX_BIN" split-window -d -h -t s0:1.0 'sleep 1000'
"$TMUX_BIN" kill-pane -t s0:1.2
"$TMUX_BIN" display -p -t s0:1 '#{window_layout}'
"$TMUX_BIN" resize-pane -t s0:1.0 -R 10
"$TMUX_BIN" display -p -t s0:1 '#{window_layout}'
"$TMUX_BIN" resize-pane -t s0:1.2 -L 20
"$TMUX_BIN" display -p -t s0:1 '#{window_layout}'
"$TMUX_BIN" resize-pane -t s0:1.1 -x 5
"$TMUX_BIN" display -p -t s0:1 '#{window_layout}'
"$TMUX_BIN" resize-pane -t s0:1.2 -x 70
"$TMUX_BIN" display -p -t s0:1 '#{window_layout}'
