# renumber-windows.
$TMUX_BIN new -d -s a
$TMUX_BIN set -t a renumber-windows on
$TMUX_BIN new-window -d -t a:1; $TMUX_BIN new-window -d -t a:2
$TMUX_BIN kill-window -t a:1
$TMUX_BIN list-windows -t a -F '#{window_index}'
