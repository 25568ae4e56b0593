# split-window -f with tmux 3.3a's arithmetic: each cell its share of the new size, but
# leaving two cells for each cell after it and at least its own minimum (one-column
# panes stay one column); a window whose cells cannot all fit refuses the split
F='#{window_layout}'
"$TMUX_BIN" -f /dev/null new -d -s s -x 56 -y 38 'sleep 1000'
"$TMUX_BIN" split-window -d -h -l 45 -t s:0.0 'sleep 1000'
"$TMUX_BIN" split-window -d -h -l 29 -t s:0.1 'sleep 1000'
"$TMUX_BIN" split-window -d -h -l 3 -t s:0.2 'sleep 1000'
"$TMUX_BIN" split-window -d -h -l 1 -t s:0.3 'sleep 1000'
"$TMUX_BIN" split-window -d -v -t s:0.1 'sleep 1000'
"$TMUX_BIN" display -p -t s:0 "$F"
"$TMUX_BIN" split-window -d -h -f -t s:0.1 'sleep 1000'
"$TMUX_BIN" display -p -t s:0 "$F"
"$TMUX_BIN" new-window -d -t s:1 'sleep 1000'
"$TMUX_BIN" resize-window -t s:1 -x 108 -y 5
"$TMUX_BIN" split-window -d -v -t s:1.0 'sleep 1000'
"$TMUX_BIN" split-window -d -v -f -t s:1.1 'sleep 1000'; echo "split: $?"
"$TMUX_BIN" display -p -t s:1 "$F"
"$TMUX_BIN" split-window -d -h -f -l 100 -t s:1.1 'sleep 1000'; echo "split: $?"
"$TMUX_BIN" display -p -t s:1 "$F"
