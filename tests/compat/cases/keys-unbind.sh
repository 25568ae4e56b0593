# unbind-key removes one binding; unbinding the last key of a table removes the table.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN unbind c; echo "rc=$?"
$TMUX_BIN list-keys c; echo "rc=$?"
$TMUX_BIN unbind -n MouseDown1Pane; echo "rc=$?"
$TMUX_BIN list-keys MouseDown1Pane
$TMUX_BIN bind -T x a display a
$TMUX_BIN unbind -T x a; echo "rc=$?"
$TMUX_BIN list-keys -T x; echo "rc=$?"
$TMUX_BIN unbind -T copy-mode-vi q
$TMUX_BIN list-keys -T copy-mode-vi | grep -c .
