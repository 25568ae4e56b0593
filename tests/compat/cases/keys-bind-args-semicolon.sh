# Several arguments: each is a word, one ending in ";" ends a command.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN bind -T x a display 'a b'
$TMUX_BIN bind -T x b display 'xy;'
$TMUX_BIN bind -T x c display ';'
$TMUX_BIN bind -T x f display -- -x
$TMUX_BIN list-keys -T x
