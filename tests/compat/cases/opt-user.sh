# User options: set, show, append, unset, listed first and sorted.
$TMUX_BIN new -d -s a
$TMUX_BIN set -g @zz 1
$TMUX_BIN set -g @aa 'two words'
$TMUX_BIN set -ga @aa ' more'
$TMUX_BIN set @local x
$TMUX_BIN show -g | head -3
$TMUX_BIN show
$TMUX_BIN show -g @aa
$TMUX_BIN show -gv @zz
$TMUX_BIN set -gu @zz
$TMUX_BIN show -g @zz; echo "rc=$?"
$TMUX_BIN show -gq @zz; echo "rc=$?"
$TMUX_BIN set -g @u; echo "rc=$?"
