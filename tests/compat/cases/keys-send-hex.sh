# send-keys -H: bytes in hex; what is not a byte is skipped.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 60 -y 10 "stty raw -echo; printf READY; exec cat -v"
wait_pane s READY
$TMUX_BIN send-keys -H 41 42 7e 1b 5b 41 01; echo "rc=$?"
$TMUX_BIN send-keys -H zz 141 -1 4; echo "rc=$?"
$TMUX_BIN send-keys -H 2e 45 4e 44
wait_pane s .END
$TMUX_BIN capture-pane -p | head -3
