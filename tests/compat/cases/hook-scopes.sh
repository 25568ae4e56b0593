# Hooks of a session, a window and a pane; show-hooks of each.
$TMUX_BIN new -d -s a
$TMUX_BIN set-hook after-new-window 'display x'
$TMUX_BIN set-hook -w window-renamed 'display y'
$TMUX_BIN set-hook -p pane-exited 'display z'
$TMUX_BIN show-hooks
$TMUX_BIN show-hooks -w
$TMUX_BIN show-hooks -p
$TMUX_BIN show-hooks -t a
$TMUX_BIN show -H -t a
