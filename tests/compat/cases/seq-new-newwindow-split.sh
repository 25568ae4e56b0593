# The first line of most scripts: a session, a window and a split in one command.
$TMUX_BIN new -d -s work \; new-window -d \; split-window -d
echo "rc=$?"
$TMUX_BIN list-windows -t work -F '#{window_index} #{window_panes}'
