# lock-after-time: a session with no activity for that many seconds locks its clients
# (each runs lock-command); 0, the default, never does.
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" set -g lock-command "touch $COMPAT_TMP/locked"
"$TMUX_BIN" set -g lock-after-time 1
script -qfec "$TMUX_BIN attach -t work" /dev/null </dev/null >/dev/null 2>&1 &
i=0
while [ $i -lt 200 ] && [ ! -e "$COMPAT_TMP/locked" ]; do sleep 0.05; i=$((i + 1)); done
ls "$COMPAT_TMP"
"$TMUX_BIN" list-clients -F '#{session_name}'
"$TMUX_BIN" detach-client -a
