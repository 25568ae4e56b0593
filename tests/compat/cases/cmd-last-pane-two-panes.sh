# last-pane and select-pane -l in a window of two panes that has no last pane yet: the
# other pane (tmux 3.3a); with three panes and none it is still an error
F='#{pane_index} #{pane_active} #{pane_last}'
"$TMUX_BIN" -f /dev/null new -d -s s1 -x 100 -y 30 'sleep 1000'
"$TMUX_BIN" split-window -d -t s1:0.0 -v 'sleep 1000'
"$TMUX_BIN" last-pane -t s1:0; echo "rc=$?"
"$TMUX_BIN" lsp -t s1:0 -F "$F"
"$TMUX_BIN" new-window -d -t s1:1 'sleep 1000'
"$TMUX_BIN" resize-pane -Z -t s1:1.0
"$TMUX_BIN" split-window -d -f -t s1:1.0 'sleep 1000'
"$TMUX_BIN" select-pane -l -t s1:1.1; echo "rc=$?"
"$TMUX_BIN" lsp -t s1:1 -F "$F"
"$TMUX_BIN" split-window -d -t s1:1.0 'sleep 1000'
"$TMUX_BIN" new-window -d -t s1:2 'sleep 1000'
"$TMUX_BIN" split-window -d -t s1:2 'sleep 1000'
"$TMUX_BIN" split-window -d -t s1:2 'sleep 1000'
"$TMUX_BIN" last-pane -t s1:2; echo "rc=$?"
