# @N names a window anywhere; session:@N only in that session.
$TMUX_BIN new -d -s a -n one cat
$TMUX_BIN neww -d -t a -n two cat
$TMUX_BIN new -d -s b -n three cat
$TMUX_BIN lsp -t @1 -F '#{session_name} #{window_name} #{window_id}'
$TMUX_BIN lsp -t a:@1 -F '#{session_name} #{window_name}'
$TMUX_BIN lsp -t b:@1 -F x; echo "rc=$?"
$TMUX_BIN lsp -t @9 -F x; echo "rc=$?"
$TMUX_BIN has -t @2; echo "rc=$?"
