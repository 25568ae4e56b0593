# User options in each scope: -s server, -w window, -p pane, session; -A inherits.
$TMUX_BIN new -d -s a
$TMUX_BIN set -s @srv 1
$TMUX_BIN set -gw @gw 2
$TMUX_BIN set -w @win 3
$TMUX_BIN set -p @pane 4
$TMUX_BIN show -s | head -1
$TMUX_BIN show -gw | head -1
$TMUX_BIN show -w
$TMUX_BIN show -p
$TMUX_BIN show -w @gw; echo "rc=$?"
$TMUX_BIN show -wA @gw
$TMUX_BIN show -A | head -2
