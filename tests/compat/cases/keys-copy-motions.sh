# Copy-mode motions with send-keys -X, the copy cursor shown after each.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 40 -y 10 "printf 'one two three\nfour (five [six]) seven\n\neight nine\nten eleven twelve\n'; exec cat"
wait_pane s twelve
$TMUX_BIN copy-mode
$TMUX_BIN send-keys -X history-top; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X end-of-line; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X start-of-line; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X next-word; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X next-word-end; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X previous-word; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X cursor-down; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X next-space; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X cursor-right; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X back-to-indentation; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X bottom-line; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X top-line; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X middle-line; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
