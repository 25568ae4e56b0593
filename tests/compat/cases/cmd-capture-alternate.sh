# capture-pane -a: no alternate screen is an error, -q silences it
"$TMUX_BIN" -f /dev/null new -d -s work -x 20 -y 5 'echo hello; sleep 1000'
. "$COMPAT_LIB"
wait_pane work hello
"$TMUX_BIN" capturep -p -a
echo "rc=$?"
"$TMUX_BIN" capturep -p -a -q
echo "rc=$?"
