# cursor-left over wide characters: as tmux, the cursor lands on their right halves going left
# (a step from a right half goes over the whole character); a selection from there copies them.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 20 -y 5 "printf 'ab\\346\\227\\245\\346\\234\\254 z\\nxy'; exec cat"
wait_pane s xy
for keys in emacs vi; do
    $TMUX_BIN set -g mode-keys $keys
    $TMUX_BIN copy-mode
    for c in cursor-up end-of-line cursor-left cursor-left cursor-left cursor-right cursor-left begin-selection \
        cursor-left cursor-left cursor-left; do
        $TMUX_BIN send-keys -X $c
        printf '%s ' "$($TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}')"
    done
    echo
    $TMUX_BIN send-keys -X copy-selection-and-cancel
    $TMUX_BIN save-buffer -; echo
done
