# show -gw: every global window option (and pane option), defaults and printed form.
$TMUX_BIN new -d -s a
$TMUX_BIN show -gw
$TMUX_BIN showw -g | wc -l
