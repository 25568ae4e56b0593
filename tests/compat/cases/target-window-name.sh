# Window names: exact, then a unique prefix, then a unique pattern; =name is exact only.
$TMUX_BIN new -d -s s -n editor cat
$TMUX_BIN neww -d -t s -n edit2 cat
$TMUX_BIN neww -d -t s -n logs cat
for t in editor edit2 edi lo 'l*' '*2' 'e*' =edit2 =edi =lo nope; do
    printf '%s: ' "$t"
    $TMUX_BIN lsp -t "s:$t" -F '#{window_index}'
done
