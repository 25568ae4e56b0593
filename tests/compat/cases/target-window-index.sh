# A number is a window index (also with =); a missing one is "can't find window".
$TMUX_BIN new -d -s s -n zero cat
$TMUX_BIN neww -d -t s:3 -n three cat
$TMUX_BIN lsp -t s:3 -F '#{window_index} #{window_name}'
$TMUX_BIN lsp -t s:=3 -F '#{window_index} #{window_name}'
$TMUX_BIN lsp -t s:0 -F '#{window_index} #{window_name}'
$TMUX_BIN lsp -t s:1 -F x; echo "rc=$?"
$TMUX_BIN lsp -t s:=1 -F x; echo "rc=$?"
