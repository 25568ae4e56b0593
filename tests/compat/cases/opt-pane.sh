# Pane options: set -p, show -p, inheritance from the window, -U clears the panes'.
$TMUX_BIN new -d -s a
$TMUX_BIN split-window -d -t a
$TMUX_BIN set -p -t a:0.1 remain-on-exit on
$TMUX_BIN set -p -t a:0.1 window-style bg=red
$TMUX_BIN show -p -t a:0.1
$TMUX_BIN show -p -t a:0.0
$TMUX_BIN show -pA -t a:0.0 | grep remain
$TMUX_BIN show -gp -t a:0.1 remain-on-exit
$TMUX_BIN set -w -t a remain-on-exit failed
$TMUX_BIN show -pv -t a:0.0 -A remain-on-exit
$TMUX_BIN set -wU -t a remain-on-exit
$TMUX_BIN show -p -t a:0.1
$TMUX_BIN show -w -t a
