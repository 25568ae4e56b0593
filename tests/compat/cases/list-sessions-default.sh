# ls: tmux's line for each session, sorted by name whatever the creation order.
$TMUX_BIN new -d -s zeta -n z cat
$TMUX_BIN new -d -s alpha -n a cat
$TMUX_BIN neww -d -n w -t alpha cat
$TMUX_BIN new -d -s Mid -n m cat
$TMUX_BIN new -d -s 10 -n t cat
$TMUX_BIN new -d -s 9 -n n cat
$TMUX_BIN ls | sed 's/(created [^)]*)/(created DATE)/'
$TMUX_BIN list-sessions -F '#{session_name}'
