# list-keys -N -P: the string before each key (root keys get as many blanks).
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN bind -n -N "root note here" F6 display ho
$TMUX_BIN bind -N long-note M-F12 display x
$TMUX_BIN list-keys -N -P XX; echo "rc=$?"
$TMUX_BIN list-keys -1 -N -P "P " F6; echo "rc=$?"
$TMUX_BIN list-keys -N | head -3
$TMUX_BIN list-keys -aN F6
