# has-session with an exact name (=name) and a prefix that is not exact.
$TMUX_BIN new -d -s work
$TMUX_BIN has -t =work; echo "=work rc=$?"
$TMUX_BIN has -t =wor; echo "=wor rc=$?"
$TMUX_BIN has -t wor; echo "wor rc=$?"
