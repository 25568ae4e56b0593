# list-keys -N: the prefix keys with their notes.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN list-keys -N; echo "rc=$?"
