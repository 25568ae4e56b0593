# refresh-client: needs a client; with one, its flags and errors as tmux
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" refresh
echo "rc=$?"
script -qfec "$TMUX_BIN attach -t work" /dev/null </dev/null >/dev/null 2>&1 &
i=0
while [ $i -lt 200 ] && [ "$("$TMUX_BIN" list-clients | wc -l)" -lt 1 ]; do sleep 0.05; i=$((i + 1)); done
for a in "" "-S" "-C 100x50" "-l" "-c" "-L 3" "-D" "-R x" "-U 0" "-A %0:on" "-B a:b:c" "-t /dev/nosuch"; do
    "$TMUX_BIN" refresh $a
    echo "$a rc=$?"
done
"$TMUX_BIN" refresh -f read-only
"$TMUX_BIN" detach-client -a
