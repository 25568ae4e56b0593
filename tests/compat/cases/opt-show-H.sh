# show -H lists the hooks too, after the options.
$TMUX_BIN new -d -s a
$TMUX_BIN show -gH | tail -5
$TMUX_BIN show -gwH | tail -3
$TMUX_BIN show -gH | wc -l
