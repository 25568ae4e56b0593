# show-messages keeps at most message-limit messages
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
script -qfec "$TMUX_BIN attach -t work" /dev/null </dev/null >/dev/null 2>&1 &
i=0
while [ $i -lt 200 ] && [ "$("$TMUX_BIN" list-clients | wc -l)" -lt 1 ]; do sleep 0.05; i=$((i + 1)); done
"$TMUX_BIN" set -g message-limit 3
"$TMUX_BIN" display -p one
"$TMUX_BIN" display -p two
"$TMUX_BIN" showmsgs | sed -e 's/^[0-9][0-9]:[0-9][0-9]: //' -e 's/client-[0-9]*/CLIENT/'
"$TMUX_BIN" detach-client -a
