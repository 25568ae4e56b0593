# Commands are listed by their full names.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN bind -T x a splitw
$TMUX_BIN bind -T x b neww
$TMUX_BIN bind -T x c 'selectp -U'
$TMUX_BIN bind -T x d lsk
$TMUX_BIN bind -T x e 'send-k -X cancel'
$TMUX_BIN bind -T x f 'killp ; killw'
$TMUX_BIN list-keys -T x
