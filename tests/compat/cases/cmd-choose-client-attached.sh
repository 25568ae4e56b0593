# choose-client with a client attached opens client-mode in the target pane
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
script -qfec "$TMUX_BIN attach -t work" /dev/null </dev/null >/dev/null 2>&1 &
i=0
while [ $i -lt 200 ] && [ "$("$TMUX_BIN" list-clients | wc -l)" -lt 1 ]; do sleep 0.05; i=$((i + 1)); done
"$TMUX_BIN" choose-client -t work:0.0
echo "rc=$?"
"$TMUX_BIN" display -p -t work:0.0 '[#{pane_in_mode}] [#{pane_mode}]'
"$TMUX_BIN" detach-client -a
