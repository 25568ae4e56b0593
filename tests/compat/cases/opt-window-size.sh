# window-size and its values.
$TMUX_BIN new -d -s work
$TMUX_BIN set -g window-size latest; echo "rc=$?"
$TMUX_BIN show -g window-size
$TMUX_BIN set -g window-size bogus; echo "rc=$?"
