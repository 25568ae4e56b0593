# wrap-search off: a search stops at the end of the history; on, it wraps around.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s a -x 40 -y 10 "printf 'match one\nline\nline\nEND\n'; sleep 100"
wait_pane a END
$TMUX_BIN set -gw wrap-search off
$TMUX_BIN set -gw mode-keys vi
$TMUX_BIN copy-mode -t a
$TMUX_BIN send-keys -t a -X search-forward match
$TMUX_BIN display -p -t a '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN set -gw wrap-search on
$TMUX_BIN send-keys -t a -X search-forward match
$TMUX_BIN display -p -t a '#{copy_cursor_x},#{copy_cursor_y}'
