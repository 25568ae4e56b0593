# list-keys: every default binding of every table, as tmux 3.3a prints them.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN list-keys; echo "rc=$?"
