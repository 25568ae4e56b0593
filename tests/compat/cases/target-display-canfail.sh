# display-message -t a target that is not found is no error: what was found is shown.
$TMUX_BIN new -d -s s -n w0 cat
$TMUX_BIN neww -d -t s -n w1 cat
for t in nope s:9 s:w1.5 nope:1 s:w1 '%99'; do
    printf '%s: ' "$t"
    $TMUX_BIN display -p -t "$t" '[#{session_name}:#{window_name}]'
    echo "rc=$?"
done
