# detach-client -E: the client becomes the shell command
"$TMUX_BIN" -f /dev/null new -d -s work 'sleep 1000'
script -qfec "$TMUX_BIN attach -t work" /dev/null </dev/null >/dev/null 2>&1 &
i=0
while [ $i -lt 200 ] && [ "$("$TMUX_BIN" list-clients | wc -l)" -lt 1 ]; do sleep 0.05; i=$((i + 1)); done
"$TMUX_BIN" detach-client -s work -E "echo replaced > $COMPAT_TMP/out"
i=0
while [ $i -lt 200 ] && [ ! -s "$COMPAT_TMP/out" ]; do sleep 0.05; i=$((i + 1)); done
cat "$COMPAT_TMP/out"
"$TMUX_BIN" list-clients | wc -l
