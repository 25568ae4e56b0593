# show -s: the server options (escape-time aside: see INTENDED of opt-escape-time.sh).
$TMUX_BIN new -d -s a
$TMUX_BIN show -s | grep -v '^escape-time '
