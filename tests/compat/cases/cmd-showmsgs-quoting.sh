# show-messages writes each command back as tmux does: flags sorted, words quoted
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
script -qfec "$TMUX_BIN attach -t work" /dev/null </dev/null >/dev/null 2>&1 &
i=0
while [ $i -lt 200 ] && [ "$("$TMUX_BIN" list-clients | wc -l)" -lt 1 ]; do sleep 0.05; i=$((i + 1)); done
"$TMUX_BIN" display -p -t work '~' >/dev/null
"$TMUX_BIN" display -p '~/x' >/dev/null
"$TMUX_BIN" display -p "a'b" >/dev/null
"$TMUX_BIN" display -p 'a"b' >/dev/null
"$TMUX_BIN" display -p '$HOME #x {y} %z' >/dev/null
"$TMUX_BIN" display -p 'tab	x' >/dev/null
"$TMUX_BIN" display -p 'back\slash' >/dev/null
"$TMUX_BIN" neww -d -e A=1 -e 'B=2 3' -n x 'sleep 1000'
"$TMUX_BIN" send -t work:x -l 'a;b' ''
"$TMUX_BIN" showmsgs | sed -e 's/^[0-9][0-9]:[0-9][0-9]: //' -e 's/client-[0-9]*/CLIENT/' -e 's,/dev/pts/[0-9]*,TTY,' | grep -v -e list-clients -e show-messages
"$TMUX_BIN" detach-client -a
