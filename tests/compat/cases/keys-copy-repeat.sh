# send-keys -X -N: a command repeated; -N alone sets the next one's count.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 40 -y 10 "printf 'one two three\nfour (five [six]) seven\n\neight nine\nten eleven twelve\n'; exec cat"
wait_pane s twelve
$TMUX_BIN set -g mode-keys vi
$TMUX_BIN copy-mode
$TMUX_BIN send-keys -X history-top
$TMUX_BIN send-keys -X -N 2 cursor-down; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X -N 3 next-word; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -N 2; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X cursor-up; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X -N 0 cursor-up; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X -N x cursor-up; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
