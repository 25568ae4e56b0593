# S- on a character or Tab is a key of its own in tmux 3.3a (S-a is not A, S-Tab not BTab),
# and send-keys types such a name as text.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 60 -y 10 "stty raw -echo; printf READY; exec cat -v"
wait_pane s READY
for k in S-a A S-Tab BTab S-BTab S-Space BSpace S-Up M-S-a; do
    $TMUX_BIN bind -T x "$k" display "$k" || echo "fail $k"
done
$TMUX_BIN list-keys -T x
$TMUX_BIN send-keys S-a S-Tab S-Space
$TMUX_BIN send-keys -l .END
wait_pane s .END
$TMUX_BIN capture-pane -p | head -2
