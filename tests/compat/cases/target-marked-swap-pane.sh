# swap-pane -t without -s swaps the marked pane with the target.
$TMUX_BIN new -d -s a -n one -x 80 -y 24 cat
$TMUX_BIN splitw -d -t a:one cat
$TMUX_BIN neww -d -t a -n two cat
$TMUX_BIN selectp -m -t a:one.1
$TMUX_BIN swapp -d -t a:two; echo "rc=$?"
$TMUX_BIN lsp -a -F '#{session_name}:#{window_name}.#{pane_index} #{pane_id} #{pane_marked}'
$TMUX_BIN selectp -M
$TMUX_BIN swapp -d -t a:one.0; echo "rc=$?"
$TMUX_BIN lsp -a -F '#{session_name}:#{window_name}.#{pane_index} #{pane_id}'
