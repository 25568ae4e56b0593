# respawn-pane / respawn-window: a live pane needs -k; -e and -c reach the new program
mkdir -p "$COMPAT_TMP/d"
"$TMUX_BIN" -f /dev/null new -d -s work -x 40 -y 5 'sleep 1000'
"$TMUX_BIN" respawnp
echo "rc=$?"
"$TMUX_BIN" respawnw
echo "rc=$?"
"$TMUX_BIN" respawnp -k -e FOO=bar -c "$COMPAT_TMP/d" 'echo "F=$FOO"; pwd; sleep 1000'
. "$COMPAT_LIB"
wait_pane work F=bar
"$TMUX_BIN" capturep -p | grep -v '^$' | sed "s,$COMPAT_TMP,TMP,"
