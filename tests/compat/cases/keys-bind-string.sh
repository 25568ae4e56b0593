# One argument is a command string: ; between commands, { } blocks, comments.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN bind -T x b 'splitw -h ; neww'
$TMUX_BIN bind -T x c 'display a; display b'
$TMUX_BIN bind -T x d 'if -F 1 { display a } { display "b c" ; display d }'
$TMUX_BIN bind -T x e 'if 1 {
display a
display b
}'
$TMUX_BIN bind -T x f 'display "a" # comment'
$TMUX_BIN bind -T x g 'display a\ b'
$TMUX_BIN bind -T x h 'if 1 { if 2 { display a } }'
$TMUX_BIN bind -T x i 'display "x\ty\\z"'
$TMUX_BIN bind -T x j 'display "#{?a,b,c}" ; display x\;y'
$TMUX_BIN bind -T x k 'display ""'
$TMUX_BIN list-keys -T x
$TMUX_BIN bind -T y a 'if 1 {display a}'
$TMUX_BIN bind -T y b 'if 1 {display "a}"}'
$TMUX_BIN bind -T y c 'if 1 { display a } ; display b'
$TMUX_BIN list-keys -T y
