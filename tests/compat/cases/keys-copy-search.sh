# search-forward, search-backward, search-again, search-reverse.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 40 -y 10 "printf 'one two three\nfour (five [six]) seven\n\neight nine\nten eleven twelve\n'; exec cat"
wait_pane s twelve
$TMUX_BIN set -g mode-keys vi
$TMUX_BIN copy-mode
$TMUX_BIN send-keys -X history-top
$TMUX_BIN send-keys -X search-forward e; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X search-again; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X search-again; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X search-reverse; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X search-backward t; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X search-again; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X -N 2 search-forward n; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X search-forward-text seven; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X search-backward-text one; $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
