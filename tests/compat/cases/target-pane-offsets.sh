# .+N/.-N and {next}/{previous} count panes from the current one, wrapping around.
$TMUX_BIN new -d -n w -s s -x 80 -y 24 cat
$TMUX_BIN splitw -d cat
$TMUX_BIN splitw -d cat
$TMUX_BIN splitw -d cat
$TMUX_BIN selectp -t .1
for t in .+ .- .+2 .-2 .+7 .{next} .{previous} :.+1 s:.-1; do
    printf '%s: ' "$t"
    $TMUX_BIN display -p -t "$t" '#{pane_index}'
done
