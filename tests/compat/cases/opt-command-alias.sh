# command-alias: the defaults, and a new alias runs as its command.
$TMUX_BIN new -d -s a
$TMUX_BIN show -s command-alias
$TMUX_BIN set -s command-alias[10] 'sn=show -gv status'
$TMUX_BIN show -s command-alias[10]
$TMUX_BIN sn
$TMUX_BIN splitp -d -t a
$TMUX_BIN list-panes -t a | wc -l
