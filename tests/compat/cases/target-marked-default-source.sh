# join-pane, move-pane and swap-window without -s take the marked pane (or its window).
$TMUX_BIN new -d -s a -n one -x 80 -y 24 cat
$TMUX_BIN splitw -d -t a:one cat
$TMUX_BIN neww -d -t a -n two cat
$TMUX_BIN new -d -s b -n three -x 80 -y 24 cat
$TMUX_BIN selectp -m -t a:one.1
$TMUX_BIN lsp -a -F '#{session_name}:#{window_name}.#{pane_index} #{pane_id} #{pane_marked}'
$TMUX_BIN joinp -d -t b:three; echo "rc=$?"
$TMUX_BIN lsp -a -F '#{session_name}:#{window_name}.#{pane_index} #{pane_id} #{pane_marked} #{pane_marked_set}'
$TMUX_BIN selectp -m -t a:two
$TMUX_BIN swapw -t a:one; echo "rc=$?"
$TMUX_BIN lsw -a -F '#{session_name}:#{window_index} #{window_name}'
