# lock-server, lock-session and lock-client without clients
"$TMUX_BIN" -f /dev/null new -d -s work
"$TMUX_BIN" lock-server
echo "rc=$?"
"$TMUX_BIN" lock
echo "rc=$?"
"$TMUX_BIN" lock-session
echo "rc=$?"
"$TMUX_BIN" locks -t work
echo "rc=$?"
"$TMUX_BIN" lock-client
echo "rc=$?"
"$TMUX_BIN" lockc -t /dev/nosuch
echo "rc=$?"
