# A session's own hook runs for that session only.
$TMUX_BIN new -d -s a
$TMUX_BIN new -d -s b
$TMUX_BIN set-hook -t a after-new-window 'set -g @who a'
$TMUX_BIN new-window -d -t b
$TMUX_BIN show -gv @who; echo "rc=$?"
$TMUX_BIN new-window -d -t a
$TMUX_BIN show -gv @who
