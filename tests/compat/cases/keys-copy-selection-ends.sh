# The selection's two ends as tmux 3.3a keeps them: the start stays where it was begun and
# the end follows the cursor, before it too; other-end makes the cursor drag the start;
# select-word and select-line go on taking whole words and lines as the cursor moves, and
# what they copy.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 40 -y 10 "printf 'one two three\\nfour (five [six]) seven\\n\\neight nine\\nten eleven twelve\\n'; exec cat"
wait_pane s twelve
ends() {
    for c in "$@"; do
        $TMUX_BIN send-keys -X $c
        printf '%s ' "$($TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y} #{selection_start_x},#{selection_start_y}-#{selection_end_x},#{selection_end_y} #{selection_active}')"
    done
    echo
    $TMUX_BIN send-keys -X copy-selection-no-clear
    $TMUX_BIN save-buffer - | od -c | sed 's/  */ /g'
    $TMUX_BIN send-keys -X cancel
}
for keys in vi emacs; do
    $TMUX_BIN set -g mode-keys $keys
    $TMUX_BIN copy-mode; ends history-top cursor-down next-word begin-selection cursor-up cursor-left other-end cursor-right
    $TMUX_BIN copy-mode; ends history-top next-word select-word cursor-down cursor-down previous-word other-end
    $TMUX_BIN copy-mode; ends history-top cursor-down select-line cursor-down cursor-down cursor-up cursor-up cursor-up
    $TMUX_BIN copy-mode; ends history-top cursor-down cursor-down cursor-down select-line cursor-up cursor-up other-end
    $TMUX_BIN copy-mode; ends history-top next-word begin-selection cursor-down stop-selection cursor-down rectangle-toggle
done
