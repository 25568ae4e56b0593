# wait-for: a waiter woken by -S; a signal with nobody waiting wakes the next one
"$TMUX_BIN" -f /dev/null new -d -s work
( "$TMUX_BIN" wait-for ch; echo "woken rc=$?" ) &
sleep 0.3
"$TMUX_BIN" wait-for -S ch
wait
"$TMUX_BIN" wait-for -S early
"$TMUX_BIN" wait-for early
echo "early rc=$?"
