# The prefix table alone: columns as wide as its own keys.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN list-keys -T prefix; echo "rc=$?"
