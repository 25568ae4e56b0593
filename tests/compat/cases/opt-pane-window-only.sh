# -p with a window-only option sets the window's; with a session option the session's.
$TMUX_BIN new -d -s a
$TMUX_BIN set -p window-size manual
$TMUX_BIN set -p -t a mouse on
$TMUX_BIN show -p
$TMUX_BIN show -w
$TMUX_BIN show
