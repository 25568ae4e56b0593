# Where next-paragraph and previous-paragraph show a paragraph's edge off screen: as a search
# match, a quarter of the height above the bottom, or the history's top or bottom near its ends.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 30 -y 10 "for i in \$(seq 0 99); do [ \$((i % 13)) = 0 ] && echo || echo \"line \$i\"; done; exec cat"
wait_pane s 'line 99'
pos() {
    $TMUX_BIN copy-mode
    for c in "$@"; do
        $TMUX_BIN send-keys -X $c
        printf '%s ' "$($TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y},#{scroll_position}')"
    done
    echo
    $TMUX_BIN send-keys -X cancel
}
pos previous-paragraph previous-paragraph previous-paragraph previous-paragraph previous-paragraph \
    previous-paragraph previous-paragraph previous-paragraph previous-paragraph
pos history-top next-paragraph next-paragraph next-paragraph next-paragraph next-paragraph \
    next-paragraph next-paragraph next-paragraph
