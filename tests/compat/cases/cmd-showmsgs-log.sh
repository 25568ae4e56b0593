# show-messages with a client attached: every command a client ran, newest first, and
# the errors shown to clients (times and client names replaced)
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
script -qfec "$TMUX_BIN attach -t work" /dev/null </dev/null >/dev/null 2>&1 &
i=0
while [ $i -lt 200 ] && [ "$("$TMUX_BIN" list-clients | wc -l)" -lt 1 ]; do sleep 0.05; i=$((i + 1)); done
"$TMUX_BIN" new -s other -P -n w -d -c /tmp 'sleep 100'
"$TMUX_BIN" set -g status-left 'a;b'
"$TMUX_BIN" set -g status-right "say \"hi\""
"$TMUX_BIN" rename-window -t work:0 ''
"$TMUX_BIN" display -p 'x'
"$TMUX_BIN" kill-session -t other
"$TMUX_BIN" show-messages | sed -e 's/^[0-9][0-9]:[0-9][0-9]: //' -e 's/client-[0-9]*/CLIENT/' -e 's,/dev/pts/[0-9]*,TTY,' | grep -v 'list-clients'
"$TMUX_BIN" detach-client -a
