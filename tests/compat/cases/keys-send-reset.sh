# send-keys -R resets the pane's terminal: the screen is cleared.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 40 -y 5 "printf 'hello\\n'; exec cat"
wait_pane s hello
$TMUX_BIN send-keys -R; echo "rc=$?"
$TMUX_BIN capture-pane -p
