# No value: flags toggle, choices of two toggle, others need one.
$TMUX_BIN new -d -s a
$TMUX_BIN set -g mouse; $TMUX_BIN show -g mouse
$TMUX_BIN set -g mouse; $TMUX_BIN show -g mouse
$TMUX_BIN set -g status; $TMUX_BIN show -g status
$TMUX_BIN set -g visual-bell; $TMUX_BIN show -g visual-bell
$TMUX_BIN set -g status-justify; $TMUX_BIN show -g status-justify
$TMUX_BIN set -g status 3; $TMUX_BIN set -g status; $TMUX_BIN show -g status
$TMUX_BIN set -g mouse yes; $TMUX_BIN show -g mouse
$TMUX_BIN set -g mouse OFF; $TMUX_BIN show -g mouse
$TMUX_BIN set -g mouse 1; $TMUX_BIN show -g mouse
