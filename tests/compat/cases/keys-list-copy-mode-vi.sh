# The vi copy-mode table.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN list-keys -T copy-mode-vi; echo "rc=$?"
