# send-keys to session.pane and session:window.pane reaches that pane.
. "$COMPAT_LIB"
$TMUX_BIN new -d -n w -s s -x 80 -y 24 cat
$TMUX_BIN splitw -d -t s cat
$TMUX_BIN send-keys -t s.1 'to-one' Enter
$TMUX_BIN send-keys -t s:0.0 'to-zero' Enter
wait_pane s.1 to-one
wait_pane s:0.0 to-zero
$TMUX_BIN capture-pane -p -t s.1 | grep -c to-one
$TMUX_BIN capture-pane -p -t s.0 | grep -c to-one
