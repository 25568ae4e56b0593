# #{copy_cursor_word} and send-keys -FX (the vi * and # keys).
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 40 -y 10 "printf 'one two three\nfour (five [six]) seven\n\neight nine\nten eleven twelve\n'; exec cat"
wait_pane s twelve
$TMUX_BIN set -g mode-keys vi
$TMUX_BIN copy-mode
$TMUX_BIN send-keys -X history-top
$TMUX_BIN send-keys -X next-word
$TMUX_BIN display -p '#{copy_cursor_word}'
$TMUX_BIN send-keys -FX search-forward '#{copy_cursor_word}'
$TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys -X history-bottom
$TMUX_BIN send-keys -X start-of-line
$TMUX_BIN send-keys -X cursor-up
$TMUX_BIN display -p '#{copy_cursor_word}'
