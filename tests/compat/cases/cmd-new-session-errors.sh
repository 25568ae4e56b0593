# new-session: bad names
"$TMUX_BIN" -f /dev/null new -d -s work
"$TMUX_BIN" new -d -s 'a:b'
echo "rc=$?"
"$TMUX_BIN" new -d -s 'a.b'
echo "rc=$?"
"$TMUX_BIN" new -d -s ''
echo "rc=$?"
"$TMUX_BIN" ls -F '#{session_name}' | sort
