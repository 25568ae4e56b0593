# stop-selection: the selection stays while the cursor moves on.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 40 -y 10 "printf 'one two three\\nfour five\\n'; exec cat"
wait_pane s five
$TMUX_BIN set -g mode-keys vi
$TMUX_BIN copy-mode
$TMUX_BIN send-keys -X history-top
$TMUX_BIN send-keys -X begin-selection
$TMUX_BIN send-keys -X next-word-end
$TMUX_BIN send-keys -X stop-selection
$TMUX_BIN send-keys -X cursor-down
$TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y} #{selection_present}'
$TMUX_BIN send-keys -X copy-selection
$TMUX_BIN save-buffer - | od -c
