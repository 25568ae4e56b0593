# select-word on a word, on punctuation, on a blank; #{copy_cursor_word} there.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 50 -y 10 "printf 'alpha, beta--gamma  delta\\n'; exec cat"
wait_pane s delta
for keys in vi emacs; do
    $TMUX_BIN set -g mode-keys $keys
    for x in 2 5 6 8 12 13 19 20; do
        $TMUX_BIN copy-mode
        $TMUX_BIN send-keys -X history-top
        $TMUX_BIN send-keys -X -N $x cursor-right
        w=$($TMUX_BIN display -p '#{copy_cursor_word}')
        $TMUX_BIN send-keys -X select-word
        p=$($TMUX_BIN display -p '#{copy_cursor_x}')
        $TMUX_BIN send-keys -X copy-selection-and-cancel
        printf '%s:[%s] %s [%s]\n' "$x" "$w" "$p" "$($TMUX_BIN save-buffer - 2>/dev/null)"
    done
done
