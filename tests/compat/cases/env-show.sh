# show-environment of a session: update-environment's variables, missing ones as -NAME.
$TMUX_BIN new -d -s a
$TMUX_BIN show-environment
echo "--"
$TMUX_BIN showenv -s
