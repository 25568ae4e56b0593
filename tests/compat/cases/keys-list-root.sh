# The root table: mouse bindings (menus included).
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN list-keys -T root; echo "rc=$?"
