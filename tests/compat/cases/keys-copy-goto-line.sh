# goto-line N scrolls N lines back from the bottom; history-top and -bottom.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 40 -y 5 "seq 1 30; exec cat"
wait_pane s 30
$TMUX_BIN copy-mode
$TMUX_BIN send-keys -X goto-line 10
$TMUX_BIN display -p '#{scroll_position} #{copy_cursor_y}'
$TMUX_BIN send-keys -X history-top
$TMUX_BIN display -p '#{scroll_position} #{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X -N 3 scroll-down
$TMUX_BIN display -p '#{scroll_position}'
$TMUX_BIN send-keys -X history-bottom
$TMUX_BIN display -p '#{scroll_position}'
$TMUX_BIN send-keys -X halfpage-up
$TMUX_BIN display -p '#{scroll_position}'
$TMUX_BIN send-keys -X page-up
$TMUX_BIN display -p '#{scroll_position}'
