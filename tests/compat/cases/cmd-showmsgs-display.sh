# display-message on a client's status line goes into the message log
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
script -qfec "$TMUX_BIN attach -t work" /dev/null </dev/null >/dev/null 2>&1 &
i=0
while [ $i -lt 200 ] && [ "$("$TMUX_BIN" list-clients | wc -l)" -lt 1 ]; do sleep 0.05; i=$((i + 1)); done
C=$("$TMUX_BIN" list-clients -F '#{client_tty}')
"$TMUX_BIN" display -c "$C" 'hello #{session_name}'
"$TMUX_BIN" showmsgs | grep -e ' message: ' -e 'display-message' | sed -e 's/^[0-9][0-9]:[0-9][0-9]: //' -e 's/client-[0-9]*/CLIENT/' -e 's,/dev/pts/[0-9]*,TTY,'
"$TMUX_BIN" detach-client -a
