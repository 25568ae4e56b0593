# show -v: the value alone, unquoted (tools read it back).
$TMUX_BIN new -d -s a
$TMUX_BIN set -g status-right '[B] #H "x"'
$TMUX_BIN show -gv status-right
$TMUX_BIN show -gv status-keys
$TMUX_BIN show -gv prefix
$TMUX_BIN show -gv update-environment
$TMUX_BIN show -gv update-environment[2]
$TMUX_BIN show -sv terminal-overrides
echo "rc=$?"
