# -q: unknown options and failed lookups are no error.
$TMUX_BIN new -d -s a
$TMUX_BIN set -q nosuch x; echo "rc=$?"
$TMUX_BIN set -gq @never; echo "rc=$?"
$TMUX_BIN show -q nosuch; echo "rc=$?"
$TMUX_BIN show -gq @never; echo "rc=$?"
$TMUX_BIN show -q -t nosuch; echo "rc=$?"
$TMUX_BIN set -q -t nosuch status off; echo "rc=$?"
