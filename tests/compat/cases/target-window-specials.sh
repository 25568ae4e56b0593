# ^ {start}, $ {end}, ! {last}: the first, last and previously current window.
$TMUX_BIN new -d -s s -n a cat
$TMUX_BIN neww -d -t s -n b cat
$TMUX_BIN neww -d -t s:7 -n c cat
for t in ^ '$' {start} {end} ! {last}; do
    printf '%s: ' "$t"
    $TMUX_BIN lsp -t "s:$t" -F '#{window_name}'
done
$TMUX_BIN selectw -t s:b
$TMUX_BIN selectw -t s:c
printf 'last: '; $TMUX_BIN lsp -t 's:!' -F '#{window_name}'
printf 'last: '; $TMUX_BIN lsp -t 's:{last}' -F '#{window_name}'
