# {up-of} {down-of} {left-of} {right-of}: the neighbours of the current pane.
$TMUX_BIN new -d -n w -s s -x 80 -y 24 cat
$TMUX_BIN splitw -d -h cat
$TMUX_BIN splitw -d -v cat
for t in {up-of} {down-of} {left-of} {right-of}; do
    printf '%s: ' "$t"
    $TMUX_BIN display -p -t ".$t" '#{pane_index}'
done
$TMUX_BIN selectp -t .2
for t in {up-of} {down-of} {left-of} {right-of}; do
    printf '%s: ' "$t"
    $TMUX_BIN display -p -t ".$t" '#{pane_index}'
done
