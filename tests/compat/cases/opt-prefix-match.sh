# An unambiguous prefix names an option; an exact name wins over longer ones.
$TMUX_BIN new -d -s a
$TMUX_BIN set -g status-left-l 5
$TMUX_BIN show -g status-left-length
$TMUX_BIN show -g status-left-l
$TMUX_BIN set -g status off
$TMUX_BIN show -g status
$TMUX_BIN show -g status-j
