# With no session at all nothing is current: every target is "no current target".
echo 'set -s exit-empty off' > conf
$TMUX_BIN -f "$PWD/conf" start-server; echo "start rc=$?"
$TMUX_BIN has -t x; echo "rc=$?"
$TMUX_BIN has; echo "rc=$?"
$TMUX_BIN lsp -t %0; echo "rc=$?"
$TMUX_BIN lsw; echo "rc=$?"
$TMUX_BIN ls; echo "rc=$?"
$TMUX_BIN lsp -a; echo "rc=$?"
$TMUX_BIN lsw -a; echo "rc=$?"
$TMUX_BIN display -p 'x#{session_name}x'; echo "rc=$?"
$TMUX_BIN selectp -t '~'; echo "rc=$?"
