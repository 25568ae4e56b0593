# Word motions over punctuation, with the default word-separators and in both key sets.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 50 -y 10 "printf 'foo.bar(baz, qux) -- x_y z\\n  a-b  c\\n'; exec cat"
wait_pane s x_y
for keys in emacs vi; do
    $TMUX_BIN set -g mode-keys $keys
    $TMUX_BIN copy-mode
    $TMUX_BIN send-keys -X history-top
    for c in next-word next-word next-word next-word next-word next-word next-word next-word next-word; do
        $TMUX_BIN send-keys -X $c
        printf '%s ' "$($TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}')"
    done
    echo
    for c in previous-word previous-word previous-word previous-word previous-word next-word-end next-word-end next-word-end next-word-end; do
        $TMUX_BIN send-keys -X $c
        printf '%s ' "$($TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}')"
    done
    echo
    $TMUX_BIN send-keys -X history-top
    for c in next-space next-space next-space next-space-end next-space-end previous-space previous-space; do
        $TMUX_BIN send-keys -X $c
        printf '%s ' "$($TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}')"
    done
    echo
    $TMUX_BIN send-keys -X cancel
done
