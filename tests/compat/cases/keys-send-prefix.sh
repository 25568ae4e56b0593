# send-prefix types the prefix key (-2: prefix2) into the pane.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 60 -y 10 "stty raw -echo; printf READY; exec cat -v"
wait_pane s READY
$TMUX_BIN send-prefix; echo "rc=$?"
$TMUX_BIN set -g prefix C-a
$TMUX_BIN send-prefix
$TMUX_BIN set -g prefix2 M-x
$TMUX_BIN send-prefix -2
$TMUX_BIN send-keys -l .END
wait_pane s .END
$TMUX_BIN capture-pane -p | head -2
