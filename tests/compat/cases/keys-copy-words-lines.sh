# Word motions across lines and blank lines, and with word-separators changed.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 50 -y 10 "printf 'end of one\\n\\n   next/path-x.y line\\nlast\\n'; exec cat"
wait_pane s last
for keys in vi emacs; do
    $TMUX_BIN set -g mode-keys $keys
    $TMUX_BIN set -g word-separators ' -'
    $TMUX_BIN copy-mode
    $TMUX_BIN send-keys -X history-top
    $TMUX_BIN send-keys -X end-of-line
    for c in next-word next-word next-word next-word next-word previous-word previous-word previous-word previous-word next-word-end next-word-end next-word-end next-word-end; do
        $TMUX_BIN send-keys -X $c
        printf '%s ' "$($TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}')"
    done
    echo
    $TMUX_BIN send-keys -X cancel
    $TMUX_BIN set -gu word-separators
done
