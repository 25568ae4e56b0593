# Word motions and cursor-right at the end of the last line: a word motion that runs off it stops one
# column past the line's end (vi next-word-end steps back onto the end), cursor-right stops at the end.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 30 -y 5 "printf '1\\n2\\n3\\n4\\nab cd'; exec cat"
wait_pane s 'ab cd'
for keys in emacs vi; do
    $TMUX_BIN set -g mode-keys $keys
    $TMUX_BIN copy-mode
    $TMUX_BIN send-keys -X history-top
    for c in next-word next-word next-word next-word next-word next-word next-word cursor-left \
        start-of-line next-word-end next-word-end next-word-end next-word-end start-of-line \
        next-space next-space next-space next-space-end next-space-end start-of-line \
        cursor-right cursor-right cursor-right cursor-right cursor-right cursor-right cursor-right; do
        $TMUX_BIN send-keys -X $c
        printf '%s ' "$($TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}')"
    done
    echo
    $TMUX_BIN send-keys -X cancel
done
