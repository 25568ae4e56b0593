# Flags as tmux prints them: those without a value grouped and sorted, then the others.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN bind -T x a display -p -F '#S'
$TMUX_BIN bind -T x b display -pF x
$TMUX_BIN bind -T x c display -F x -F y
$TMUX_BIN bind -T x d display -p -pp
$TMUX_BIN bind -T x e send -t. a
$TMUX_BIN bind -T x f resize-pane -Z -D -t. 3
$TMUX_BIN bind -T x g 'split-window -h -d -t :. top'
$TMUX_BIN list-keys -T x
$TMUX_BIN bind -T y a 'display -t'
$TMUX_BIN bind -T y b 'display -pt'
$TMUX_BIN bind -T y c 'send-keys -N'
$TMUX_BIN bind -T y d 'display -t -p'
$TMUX_BIN bind -T y e ''
$TMUX_BIN bind -T y f '# only a comment'
$TMUX_BIN list-keys -T y
