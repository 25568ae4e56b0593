# send-keys -N: the keys that many times; bad counts are errors.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 60 -y 10 "stty raw -echo; printf READY; exec cat -v"
wait_pane s READY
$TMUX_BIN send-keys -N 3 a b; echo "rc=$?"
$TMUX_BIN send-keys -N 0 a; echo "rc=$?"
$TMUX_BIN send-keys -N x a; echo "rc=$?"
$TMUX_BIN send-keys -N -2 a; echo "rc=$?"
$TMUX_BIN send-keys -l .END
wait_pane s .END
$TMUX_BIN capture-pane -p | head -3
