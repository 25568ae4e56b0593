# The emacs copy-mode table.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN list-keys -T copy-mode; echo "rc=$?"
