# Page moves, as tmux 3.3a: the cursor goes back to the column it remembers (a selected
# rectangle's too) and, but in a rectangle, to its line's end, the last row of a line that
# wrapped, when that column is past it; history-bottom goes to the last line's end.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 20 -y 5 "for i in 0 1 2 3 4 5 6 7 8 9; do printf 'L%s %.*s\\n' \$i \$((i*9%31)) abcdefghijklmnopqrstuvwxyzABCDEFG; done; exec cat"
wait_pane s L9
pos() {
    for c in "$@"; do
        $TMUX_BIN send-keys $c
        printf '%s ' "$($TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y},#{scroll_position}')"
    done
    echo
    $TMUX_BIN send-keys -X cancel
}
$TMUX_BIN set -g mode-keys vi
$TMUX_BIN copy-mode; pos '-X history-bottom' '-X cursor-up' '-X end-of-line' '-X page-up' '-X halfpage-up' '-X halfpage-down' '-X page-down'
$TMUX_BIN copy-mode; pos '-X cursor-up' '-X cursor-up' '-X end-of-line' '-X begin-selection' '-X rectangle-toggle' '-X cursor-right' '-N 3 -X halfpage-up' '-X halfpage-down' '-X history-bottom'
