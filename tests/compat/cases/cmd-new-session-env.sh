# new-session -e sets the session's environment; -c its directory
mkdir -p "$COMPAT_TMP/dir"
"$TMUX_BIN" -f /dev/null new -d -s work -e FOO=bar -e BAZ=qux -c "$COMPAT_TMP/dir" 'sleep 1000'
"$TMUX_BIN" showenv -t work FOO
"$TMUX_BIN" showenv -t work BAZ
"$TMUX_BIN" display -p -t work '#{pane_current_path}' | sed "s,$COMPAT_TMP,TMP,"
"$TMUX_BIN" display -p -t work '#{session_path}' | sed "s,$COMPAT_TMP,TMP,"
