# Arrays: items by index, append to the first free index, -u of one item, reset.
$TMUX_BIN new -d -s a
$TMUX_BIN show -g update-environment[1]
$TMUX_BIN set -ga update-environment "FOO BAR"
$TMUX_BIN show -g update-environment | tail -3
$TMUX_BIN set -g update-environment[20] Z
$TMUX_BIN set -ga update-environment Q
$TMUX_BIN show -g update-environment | tail -3
$TMUX_BIN set -gu update-environment[20]
$TMUX_BIN show -g update-environment | tail -1
$TMUX_BIN show -g update-environment[30]
$TMUX_BIN set -gu update-environment
$TMUX_BIN show -g update-environment | wc -l
$TMUX_BIN set -g update-environment "A,B C"
$TMUX_BIN show -g update-environment
