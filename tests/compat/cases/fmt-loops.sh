# Format loops over sessions, windows and panes.
$TMUX_BIN new -d -s a
$TMUX_BIN new-window -d -t a
$TMUX_BIN new -d -s b
$TMUX_BIN display -p '#{S:#{session_name},}'
$TMUX_BIN display -p -t a '#{W:#{window_index} }'
$TMUX_BIN display -p -t a '#{P:#{pane_index}}'
