# session: is its current window; session:window; :window in the current session.
$TMUX_BIN new -d -s a -n one cat
$TMUX_BIN neww -d -t a -n two cat
$TMUX_BIN new -d -s b -n three cat
$TMUX_BIN lsp -t a: -F '#{session_name}:#{window_name}'
$TMUX_BIN lsp -t a:two -F '#{session_name}:#{window_name}'
$TMUX_BIN lsp -t :three -F '#{session_name}:#{window_name}'
$TMUX_BIN lsp -t :two -F '#{session_name}:#{window_name}'; echo "rc=$?"
$TMUX_BIN lsp -t nope: -F x; echo "rc=$?"
$TMUX_BIN lsp -t nope:1 -F x; echo "rc=$?"
