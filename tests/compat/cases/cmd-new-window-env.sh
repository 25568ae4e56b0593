# new-window -e and -c: the window's program sees them
mkdir -p "$COMPAT_TMP/sub"
"$TMUX_BIN" -f /dev/null new -d -s work 'sleep 1000'
"$TMUX_BIN" neww -d -e FOO=bar -c "$COMPAT_TMP/sub" -n e 'echo "FOO=$FOO"; pwd; sleep 1000'
. "$COMPAT_LIB"
wait_pane work:e FOO=bar
"$TMUX_BIN" capture-pane -p -t work:e | grep -v '^$' | sed "s,$COMPAT_TMP,TMP,"
