# wait-for -L / -U: a lock handed from one client to the next
"$TMUX_BIN" -f /dev/null new -d -s work
"$TMUX_BIN" wait-for -L ch
echo "locked rc=$?"
( "$TMUX_BIN" wait-for -L ch; echo "second got it rc=$?"; "$TMUX_BIN" wait-for -U ch ) &
sleep 0.3
echo "unlocking"
"$TMUX_BIN" wait-for -U ch
wait
"$TMUX_BIN" wait-for -U ch
echo "rc=$?"
"$TMUX_BIN" wait-for -U never
echo "rc=$?"
