# jump-forward/-backward/-to-*, jump-again and jump-reverse on the cursor's line.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 40 -y 10 "printf 'one two three\nfour (five [six]) seven\n\neight nine\nten eleven twelve\n'; exec cat"
wait_pane s twelve
$TMUX_BIN set -g mode-keys vi
$TMUX_BIN copy-mode
$TMUX_BIN send-keys -X history-top
$TMUX_BIN send-keys -X cursor-down
$TMUX_BIN send-keys -X jump-forward e; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X jump-again; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X jump-reverse; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X jump-to-forward s; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X jump-to-backward f; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X jump-backward o; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X jump-forward z; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X end-of-line; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X jump-backward e; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X -N 2 jump-backward e; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
