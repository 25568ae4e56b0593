# A command string given to bind is parsed then: ~ and $VAR are expanded.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN bind -T x a 'display ~/x'
$TMUX_BIN bind -T x b 'display "$HOME/y"'
$TMUX_BIN bind -T x c "display '\$HOME'"
$TMUX_BIN bind -T x d 'display ${HOME}z'
$TMUX_BIN bind -T x e 'display $NO_SUCH_VARIABLE_X'
$TMUX_BIN bind -T x f 'display a~b'
$TMUX_BIN bind -T x g display '~/not/expanded' '$HOME'
$TMUX_BIN list-keys -T x
