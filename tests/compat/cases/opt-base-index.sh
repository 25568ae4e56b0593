# base-index numbers the windows of new sessions.
$TMUX_BIN new -d -s a
$TMUX_BIN set -g base-index 1
$TMUX_BIN new -d -s b
$TMUX_BIN new-window -d -t b
$TMUX_BIN list-windows -t b -F '#{window_index}'
