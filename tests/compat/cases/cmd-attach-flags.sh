# attach-session -c sets the session's directory; -r/-f read-only; -d detaches others
mkdir -p "$COMPAT_TMP/wd"
"$TMUX_BIN" -f /dev/null new -d -s work 'sleep 1000'
script -qfec "$TMUX_BIN attach -t work -c $COMPAT_TMP/wd" /dev/null </dev/null >/dev/null 2>&1 &
first=$!
i=0
while [ $i -lt 200 ] && [ "$("$TMUX_BIN" list-clients | wc -l)" -lt 1 ]; do sleep 0.05; i=$((i + 1)); done
"$TMUX_BIN" display -p -t work '#{session_path}' | sed "s,$COMPAT_TMP,TMP,"
script -qfec "$TMUX_BIN attach -d -t work -f read-only" /dev/null </dev/null >/dev/null 2>&1 &
i=0
while [ $i -lt 200 ] && kill -0 $first 2>/dev/null; do sleep 0.05; i=$((i + 1)); done
echo "first gone: $(kill -0 $first 2>/dev/null && echo no || echo yes)"
i=0
while [ $i -lt 200 ] && [ "$("$TMUX_BIN" list-clients | wc -l)" -lt 1 ]; do sleep 0.05; i=$((i + 1)); done
"$TMUX_BIN" list-clients | wc -l
"$TMUX_BIN" detach-client -a
