# A global hook runs: after-new-window sets a user option.
$TMUX_BIN new -d -s a
$TMUX_BIN set-hook -g after-new-window 'set -g @ran yes'
$TMUX_BIN new-window -d -t a
$TMUX_BIN show -gv @ran
