# Window options on one window: set -w -t, show -w -t, -A.
$TMUX_BIN new -d -s a
$TMUX_BIN new-window -d -t a:1
$TMUX_BIN set -w -t a:1 mode-keys vi
$TMUX_BIN setw -t a:1 automatic-rename off
$TMUX_BIN show -w -t a:1
$TMUX_BIN show -w -t a:0
$TMUX_BIN showw -t a:1 mode-keys
$TMUX_BIN show -w -t a:1 -A | grep mode-keys
$TMUX_BIN show -wv -t a:1 mode-keys
