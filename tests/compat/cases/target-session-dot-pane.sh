# session.pane names a pane of the session's current window.
$TMUX_BIN new -d -s work \; split-window -d
$TMUX_BIN display -p -t work.1 '#{pane_index}'
echo "rc=$?"
