# Tables are listed by name, the defaults among the others.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN bind -T y a display
$TMUX_BIN bind -T A b display
$TMUX_BIN bind -T _z c display
$TMUX_BIN bind -T copy-mode-x d display
$TMUX_BIN list-keys | cut -c1-42 | uniq
