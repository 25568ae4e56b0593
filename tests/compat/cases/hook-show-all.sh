# show-hooks -g and -gw: every hook of the scope, empty ones by name.
$TMUX_BIN new -d -s a
$TMUX_BIN show-hooks -g
echo "--"
$TMUX_BIN show-hooks -gw
echo "--"
$TMUX_BIN show-hooks
$TMUX_BIN show-hooks -w
