# list-keys -N names the prefix keys with the prefix option's key; None hides them.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN set -g prefix C-a
$TMUX_BIN list-keys -N | head -3
$TMUX_BIN list-keys -1N
$TMUX_BIN set -g prefix F12
$TMUX_BIN list-keys -N | tail -2
$TMUX_BIN set -g prefix M-Space
$TMUX_BIN list-keys -N M-1
$TMUX_BIN set -g prefix None
$TMUX_BIN list-keys -N | head -2; echo "rc=$?"
$TMUX_BIN list-keys -N -T prefix | head -2
