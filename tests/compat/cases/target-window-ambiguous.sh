# Two windows with the same name: neither the name nor =name finds one.
$TMUX_BIN new -d -s s -n dup cat
$TMUX_BIN neww -d -t s -n dup cat
$TMUX_BIN neww -d -t s -n dupe cat
$TMUX_BIN lsp -t s:dup -F x; echo "rc=$?"
$TMUX_BIN lsp -t s:=dup -F x; echo "rc=$?"
$TMUX_BIN lsp -t s:dupe -F '#{window_index}'; echo "rc=$?"
