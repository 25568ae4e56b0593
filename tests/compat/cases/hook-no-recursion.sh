# A hook's own commands fire no after-COMMAND hook: after-set-option appending to an
# option runs once per set, not forever.
$TMUX_BIN new -d -s a
$TMUX_BIN set-hook -g after-set-option 'set -ga @count x'
$TMUX_BIN set -g status on
$TMUX_BIN set -g status-interval 5
$TMUX_BIN show -g @count
