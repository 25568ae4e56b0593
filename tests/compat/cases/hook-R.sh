# set-hook -R runs a hook now.
$TMUX_BIN new -d -s a
$TMUX_BIN set-hook -g after-new-window 'set -g @now 1'
$TMUX_BIN set-hook -R after-new-window
$TMUX_BIN show -gv @now
