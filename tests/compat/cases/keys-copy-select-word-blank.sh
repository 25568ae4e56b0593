# select-word on an empty line (or after a line's end) takes the word before it, on the
# line above, as tmux; and #{copy_cursor_word} on the view's top row reads the position
# indicator tmux 3.3a draws there.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 30 -y 6 "printf 'one two\\n\\nthree\\nfour five six seven eight nine\\n'; exec cat"
wait_pane s nine
$TMUX_BIN set -g mode-keys vi
for start in 'history-top cursor-down' 'history-top end-of-line' 'history-top cursor-down cursor-down end-of-line'; do
    $TMUX_BIN copy-mode
    for c in $start; do $TMUX_BIN send-keys -X $c; done
    $TMUX_BIN send-keys -X select-word
    $TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y} #{selection_start_x},#{selection_start_y}-#{selection_end_x},#{selection_end_y}'
    $TMUX_BIN send-keys -X copy-selection-and-cancel
    $TMUX_BIN save-buffer -; echo
done
$TMUX_BIN copy-mode
$TMUX_BIN send-keys -X history-top
$TMUX_BIN send-keys -X end-of-line
for c in cursor-right cursor-right cursor-right cursor-right; do
    $TMUX_BIN send-keys -X $c
    $TMUX_BIN display -p '#{copy_cursor_x} [#{copy_cursor_word}]'
done
