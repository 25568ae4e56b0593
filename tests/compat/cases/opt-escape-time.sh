# escape-time's default.
$TMUX_BIN new -d -s a
$TMUX_BIN show -s escape-time
