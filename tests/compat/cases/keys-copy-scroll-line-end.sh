# scroll-down at the bottom of the history (scroll-up at its top) moves no view, but a
# cursor past its line's end comes back onto it, as tmux 3.3a.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 20 -y 4 "printf 'one two three\\nx\\n'; exec cat"
wait_pane s three
pos() {
    for c in "$@"; do
        $TMUX_BIN send-keys -X $c
        printf '%s ' "$($TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y},#{scroll_position}')"
    done
    echo
    $TMUX_BIN send-keys -X cancel
}
for keys in vi emacs; do
    $TMUX_BIN set -g mode-keys $keys
    $TMUX_BIN copy-mode; pos history-bottom cursor-up next-word next-word-end scroll-down scroll-up
done
