# list-keys -N for one key, -1N for the first line only.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN list-keys -1N; echo "rc=$?"
$TMUX_BIN list-keys -N c; echo "rc=$?"
$TMUX_BIN list-keys -N -T prefix c; echo "rc=$?"
$TMUX_BIN list-keys -N Up; echo "rc=$?"
$TMUX_BIN list-keys -N -T prefix; echo "rc=$?"
