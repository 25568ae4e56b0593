# No marked pane, or a killed one: "no marked target".
$TMUX_BIN new -d -n w -s a -x 80 -y 24 cat
$TMUX_BIN splitw -d cat
$TMUX_BIN selectp -t '~'; echo "rc=$?"
$TMUX_BIN selectp -m -t .1
$TMUX_BIN has -t '{marked}'; echo "rc=$?"
$TMUX_BIN killp -t .1
$TMUX_BIN has -t '{marked}'; echo "rc=$?"
$TMUX_BIN lsp -F '#{pane_marked_set}'
