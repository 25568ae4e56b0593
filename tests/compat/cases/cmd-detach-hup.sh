# detach-client -P: the shell the client ran from is hung up
"$TMUX_BIN" -f /dev/null new -d -s work 'sleep 1000'
script -qfec "sh -c '\"$TMUX_BIN\" attach -t work; echo after > $COMPAT_TMP/after'; echo done > $COMPAT_TMP/done" /dev/null </dev/null >/dev/null 2>&1 &
i=0
while [ $i -lt 200 ] && [ "$("$TMUX_BIN" list-clients | wc -l)" -lt 1 ]; do sleep 0.05; i=$((i + 1)); done
"$TMUX_BIN" detach-client -P -s work
echo "rc=$?"
i=0
while [ $i -lt 200 ] && [ ! -e "$COMPAT_TMP/done" ]; do sleep 0.05; i=$((i + 1)); done
ls "$COMPAT_TMP"
