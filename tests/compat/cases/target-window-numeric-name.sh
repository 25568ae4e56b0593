# An index wins over a name that is a number; a missing index falls back to names.
$TMUX_BIN new -d -s s -n 1 cat
$TMUX_BIN neww -d -t s:5 -n 0 cat
$TMUX_BIN lsp -t s:0 -F '#{window_index} #{window_name}'
$TMUX_BIN lsp -t s:1 -F '#{window_index} #{window_name}'
$TMUX_BIN lsp -t s:5 -F '#{window_index} #{window_name}'
$TMUX_BIN lsp -t s:=1 -F '#{window_index} #{window_name}'
