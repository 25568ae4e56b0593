# Binding a key again replaces its command, its note and its repeat flag.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN bind c display replaced
$TMUX_BIN list-keys -N c; echo "rc=$?"
$TMUX_BIN list-keys c
$TMUX_BIN bind -r c display again
$TMUX_BIN list-keys c
$TMUX_BIN bind -T x -r a display
$TMUX_BIN bind -T x b display
$TMUX_BIN list-keys -T x
$TMUX_BIN bind -T x a display
$TMUX_BIN list-keys -T x
