# lock-client: the client runs lock-command and comes back when it exits
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" set -g lock-command "touch $COMPAT_TMP/locked"
script -qfec "$TMUX_BIN attach -t work" /dev/null </dev/null >/dev/null 2>&1 &
i=0
while [ $i -lt 200 ] && [ "$("$TMUX_BIN" list-clients | wc -l)" -lt 1 ]; do sleep 0.05; i=$((i + 1)); done
C=$("$TMUX_BIN" list-clients -F '#{client_tty}')
"$TMUX_BIN" lock-client -t "$C"
echo "rc=$?"
i=0
while [ $i -lt 200 ] && [ ! -e "$COMPAT_TMP/locked" ]; do sleep 0.05; i=$((i + 1)); done
ls "$COMPAT_TMP"
"$TMUX_BIN" list-clients -F '#{session_name}'
"$TMUX_BIN" detach-client -a
