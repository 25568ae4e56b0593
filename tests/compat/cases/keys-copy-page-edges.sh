# page-up/-down and halfpage-up/-down near an end of the history: the view goes to that end and
# the cursor moves up or down a whole page (or half page) of rows, stopping at the first or last.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 30 -y 10 "seq -f 'line %g' 0 50; exec cat"
wait_pane s 'line 50'
pos() {
    $TMUX_BIN copy-mode
    for c in "$@"; do
        $TMUX_BIN send-keys -X $c
        printf '%s ' "$($TMUX_BIN display -p '#{copy_cursor_y},#{scroll_position}')"
    done
    echo
    $TMUX_BIN send-keys -X cancel
}
pos page-up page-up page-up page-up page-up page-up page-up
pos 'goto-line 36' bottom-line page-up page-down
pos 'goto-line 3' top-line cursor-down cursor-down page-down page-down
pos 'goto-line 6' top-line cursor-down halfpage-down halfpage-down halfpage-down
pos 'goto-line 40' middle-line halfpage-up halfpage-up halfpage-up
