# Arrays split at their separators: commas only for these, space and comma for others.
$TMUX_BIN new -d -s a
$TMUX_BIN set -s user-keys "a,b c"
$TMUX_BIN show -s user-keys
$TMUX_BIN set -s terminal-overrides "xterm*:Tc,screen*:smcup@"
$TMUX_BIN show -s terminal-overrides
$TMUX_BIN set -as terminal-features "foo*:RGB"
$TMUX_BIN show -s terminal-features
$TMUX_BIN set -g status-format "a,b c"
$TMUX_BIN show -g status-format
$TMUX_BIN set -gw pane-colours "red,blue colour3"
$TMUX_BIN set -gw pane-colours[5] '#FF0000'
$TMUX_BIN show -gw pane-colours
$TMUX_BIN set -gw pane-colours[6] bogus; echo "rc=$?"
