# bind -N sets a note; bind -N NOTE KEY alone changes the note of a bound key.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN bind -N "my note" F7 display hi
$TMUX_BIN list-keys -T prefix F7
$TMUX_BIN list-keys -N -T prefix F7
$TMUX_BIN bind -N "new note" F7; echo "rc=$?"
$TMUX_BIN list-keys -N F7
$TMUX_BIN list-keys F7
$TMUX_BIN bind -T x -N "" F8 display x
$TMUX_BIN list-keys -N -T x; echo "rc=$?"
$TMUX_BIN list-keys -aN -T x; echo "rc=$?"
$TMUX_BIN bind -N "c note" c
$TMUX_BIN list-keys -N c
