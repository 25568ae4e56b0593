# start-of-line, back-to-indentation, end-of-line and select-line on a line autowrap spread over
# three rows: they go to its first or last row; cursor-left from a row's start stays row by row.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 20 -y 8 "printf '1\\n  abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123\\nxy\\n'; exec cat"
wait_pane s xy
$TMUX_BIN set -g mode-keys vi
pos() {
    $TMUX_BIN copy-mode
    for c in "$@"; do
        $TMUX_BIN send-keys -X $c
        printf '%s ' "$($TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}')"
    done
    echo
}
pos cursor-up cursor-up start-of-line cursor-up back-to-indentation cursor-down end-of-line cursor-up cursor-up cursor-left
$TMUX_BIN send-keys -X cancel
pos cursor-up cursor-up start-of-line cursor-down cursor-down back-to-indentation cursor-down cursor-down end-of-line cursor-up select-line
$TMUX_BIN display -p '#{selection_start_x},#{selection_start_y}-#{selection_end_x},#{selection_end_y}'
$TMUX_BIN send-keys -X copy-selection-and-cancel
$TMUX_BIN save-buffer -; echo
