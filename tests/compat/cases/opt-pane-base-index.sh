# pane-base-index numbers panes from 1.
$TMUX_BIN new -d -s a
$TMUX_BIN set -gw pane-base-index 1
$TMUX_BIN split-window -d -t a
$TMUX_BIN list-panes -t a -F '#{pane_index}'
