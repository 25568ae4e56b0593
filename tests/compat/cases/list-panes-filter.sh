# lsp -f: only the panes the filter is true for.
$TMUX_BIN new -d -n w -s s -x 80 -y 24 cat
$TMUX_BIN splitw -d -t s:w.0 cat
$TMUX_BIN splitw -d -t s:w.1 cat
$TMUX_BIN new -d -n w -s t cat
$TMUX_BIN lsp -a -F '#{session_name}:#{pane_index}' -f '#{pane_active}'
echo --
$TMUX_BIN lsp -t s:w -F '#{pane_index}' -f '#{!=:#{pane_index},1}'
echo --
$TMUX_BIN lsp -s -t s:w -F '#{pane_id}' -f '#{==:#{pane_id},%2}'
