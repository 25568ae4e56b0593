# list-keys KEY: that key in every table, columns as wide as the lines shown.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN list-keys c; echo "rc=$?"
$TMUX_BIN list-keys C-b; echo "rc=$?"
$TMUX_BIN list-keys MouseDown1Pane; echo "rc=$?"
$TMUX_BIN list-keys -T copy-mode-vi q; echo "rc=$?"
$TMUX_BIN list-keys -1 -T root WheelUpPane; echo "rc=$?"
