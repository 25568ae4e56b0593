# lsp -t names a window: session, session:window, @id, %id (its window).
$TMUX_BIN new -d -s s -n a -x 80 -y 24 cat
$TMUX_BIN neww -d -t s -n b cat
$TMUX_BIN splitw -d -t s:b cat
$TMUX_BIN lsp -F '#{window_name}.#{pane_index}'
$TMUX_BIN lsp -t s:a -F '#{window_name}.#{pane_index}'
$TMUX_BIN lsp -t @1 -F '#{window_name}.#{pane_index}'
$TMUX_BIN lsp -t %2 -F '#{window_name}.#{pane_index}'
$TMUX_BIN lsp -t s:c; echo "rc=$?"
