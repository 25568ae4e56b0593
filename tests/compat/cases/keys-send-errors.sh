# send-keys -M without a mouse event, -X outside a mode.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN send-keys -M; echo "rc=$?"
$TMUX_BIN send-keys -X cancel; echo "rc=$?"
$TMUX_BIN send-keys -X; echo "rc=$?"
