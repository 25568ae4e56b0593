# C-? (byte 0x7f) and BSpace are two keys in tmux 3.3a.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN bind -T x C-? display a
$TMUX_BIN bind -T x BSpace display b
$TMUX_BIN list-keys -T x
