# -a: strings append, styles append after a comma, numbers are replaced.
$TMUX_BIN new -d -s a
$TMUX_BIN set -ga status-left X
$TMUX_BIN set -ga status-style bold
$TMUX_BIN set -ga history-limit 5
$TMUX_BIN show -g status-left status-style 2>/dev/null
$TMUX_BIN show -g status-left
$TMUX_BIN show -g status-style
$TMUX_BIN show -g history-limit
$TMUX_BIN set -a -t a status-left Y
$TMUX_BIN show -t a status-left
