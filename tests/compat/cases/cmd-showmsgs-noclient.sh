# show-messages needs a client; -J and -T too
"$TMUX_BIN" -f /dev/null new -d -s work
"$TMUX_BIN" show-messages
echo "rc=$?"
"$TMUX_BIN" showmsgs -J
echo "rc=$?"
"$TMUX_BIN" showmsgs -T
echo "rc=$?"
