# The column vertical motions land on: tmux remembers a column and its line's length when a
# vertical motion leaves a line from elsewhere than its end, and goes to the line's end when the
# remembered column is past it or was at the end; a selected rectangle keeps its column.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 30 -y 5 "for i in 0 1 2 3 4 5 6 7 8 9; do printf 'L%s %.*s\\n' \$i \$((i*7%13)) abcdefghijklmnop; done; exec cat"
wait_pane s L9
pos() {
    for c in "$@"; do
        $TMUX_BIN send-keys -X $c
        printf '%s ' "$($TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y},#{scroll_position}')"
    done
    echo
    $TMUX_BIN send-keys -X cancel
}
$TMUX_BIN copy-mode; pos cursor-up cursor-up scroll-up scroll-up page-up halfpage-down top-line bottom-line
$TMUX_BIN copy-mode; pos history-top cursor-down cursor-right cursor-right cursor-down end-of-line cursor-down cursor-down
$TMUX_BIN copy-mode; pos history-top cursor-down cursor-right cursor-right cursor-down cursor-down start-of-line cursor-left cursor-down cursor-down
$TMUX_BIN copy-mode; pos history-top cursor-down end-of-line cursor-left cursor-left cursor-down cursor-down cursor-down
$TMUX_BIN copy-mode; pos history-top cursor-down cursor-right cursor-right cursor-right cursor-down begin-selection rectangle-toggle \
    cursor-right cursor-right cursor-right cursor-right cursor-down cursor-down clear-selection cursor-down cursor-up
$TMUX_BIN copy-mode; pos history-bottom next-word rectangle-toggle cursor-up
# goto-line moves the view only: the cursor keeps its row and column, even past its new line's end.
$TMUX_BIN copy-mode; pos history-top cursor-down cursor-down cursor-down end-of-line 'goto-line 4' cursor-down 'goto-line 1'
# scroll-up at the top of the history moves nothing but remembers the column all the same.
$TMUX_BIN copy-mode; pos history-top cursor-down cursor-right cursor-right cursor-right scroll-up history-bottom scroll-up scroll-up
