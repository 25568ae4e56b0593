# send-keys with words that are no key (or keys that send nothing): the text itself.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 60 -y 10 "stty raw -echo; printf READY; exec cat -v"
wait_pane s READY
$TMUX_BIN send-keys 'a b' 'C-x y' 'M-' 'C-' hello Enter; echo "rc=$?"
$TMUX_BIN send-keys MouseDown1Pane WheelUpPane Any User0 Enter
$TMUX_BIN send-keys -l .END
wait_pane s .END
$TMUX_BIN capture-pane -p | head -4
