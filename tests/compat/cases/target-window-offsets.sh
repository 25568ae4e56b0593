# +N/-N count windows from the session's current one and wrap around; {next}/{previous}.
$TMUX_BIN new -d -s s -n w0 cat
$TMUX_BIN neww -d -t s -n w1 cat
$TMUX_BIN neww -d -t s -n w2 cat
$TMUX_BIN neww -d -t s -n w3 cat
$TMUX_BIN selectw -t s:1
for t in + - +2 -2 +5 -5 {next} {previous} +x; do
    printf '%s: ' "$t"
    $TMUX_BIN lsp -t "s:$t" -F '#{window_name}'
done
