# list-keys errors: an invalid key name, a key bound nowhere, a missing table.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN list-keys zz; echo "rc=$?"
$TMUX_BIN list-keys -T nosuch; echo "rc=$?"
$TMUX_BIN list-keys -T prefix F9; echo "rc=$?"
$TMUX_BIN list-keys -N F9; echo "rc=$?"
$TMUX_BIN list-keys -N -T nosuch; echo "rc=$?"
$TMUX_BIN list-keys -N -T copy-mode q; echo "rc=$?"
