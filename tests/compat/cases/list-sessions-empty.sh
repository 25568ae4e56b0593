# ls once the last session is gone: no server.
$TMUX_BIN new -d -n w -s a cat
$TMUX_BIN kill-session -t a
$TMUX_BIN ls 2>/dev/null; echo "rc=$?"
