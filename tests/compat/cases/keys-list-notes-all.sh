# list-keys -aN: keys without a note show their command.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN list-keys -aN; echo "rc=$?"
$TMUX_BIN list-keys -aN -T copy-mode-vi; echo "rc=$?"
$TMUX_BIN list-keys -N -T copy-mode; echo "rc=$?"
