# bind-key errors, as tmux words them; nothing is bound.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN bind -T x j nosuch; echo "rc=$?"
$TMUX_BIN bind -T x j display -Q; echo "rc=$?"
$TMUX_BIN bind -T x zz display; echo "rc=$?"
$TMUX_BIN bind -T x j display a b; echo "rc=$?"
$TMUX_BIN bind -T x j 'display "a" \; display b'; echo "rc=$?"
$TMUX_BIN bind -T x j 'display {'; echo "rc=$?"
$TMUX_BIN bind -T x j 'display "a'; echo "rc=$?"
$TMUX_BIN bind j; echo "rc=$?"
$TMUX_BIN list-keys -T x; echo "rc=$?"
