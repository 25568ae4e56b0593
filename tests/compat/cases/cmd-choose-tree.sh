# choose-tree from a shell opens tree-mode in the target pane
"$TMUX_BIN" -f /dev/null new -d -s a -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" splitw -d 'sleep 1001'
"$TMUX_BIN" choose-tree -t a:0.1
echo "rc=$?"
"$TMUX_BIN" display -p -t a:0.1 '[#{pane_mode}]'
"$TMUX_BIN" display -p -t a:0.0 '[#{pane_mode}]'
"$TMUX_BIN" choose-tree -Zs -t a:0.0
"$TMUX_BIN" display -p -t a:0.0 '[#{pane_mode}] #{window_zoomed_flag}'
