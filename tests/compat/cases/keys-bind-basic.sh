# bind-key in the prefix, root (-n), repeat (-r) and a table of its own (-T).
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN bind x display hi
$TMUX_BIN bind -n F5 display root
$TMUX_BIN bind -r F6 display rep
$TMUX_BIN bind -T mine a display mine
echo "rc=$?"
$TMUX_BIN list-keys -T prefix x
$TMUX_BIN list-keys -T prefix F6
$TMUX_BIN list-keys -T root F5
$TMUX_BIN list-keys -T mine
$TMUX_BIN list-keys F6
