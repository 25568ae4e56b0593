# send-keys -l: the text as it is, key names included.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 60 -y 10 "stty raw -echo; printf READY; exec cat -v"
wait_pane s READY
$TMUX_BIN send-keys -l 'C-a' Enter ' x ' 'é'; echo "rc=$?"
$TMUX_BIN send-keys -l .END
wait_pane s .END
$TMUX_BIN capture-pane -p | head -3
