# As tmux 3.3a, the copy cursor goes one past the last column: to the end of a line that
# fills the pane's width, by end-of-line, cursor-right or a jump-to that stops before a
# row's first character; a selected rectangle's end-of-line too.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 20 -y 6 "printf 'abcdefghijklmnopqrstuvwxyzABCD\\nshort\\n12345678901234567890\\n'; exec cat"
wait_pane s short
pos() {
    for c in "$@"; do
        $TMUX_BIN send-keys -X $c
        printf '%s ' "$($TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}')"
    done
    echo
    $TMUX_BIN send-keys -X cancel
}
$TMUX_BIN set -g mode-keys vi
$TMUX_BIN copy-mode; pos history-top end-of-line cursor-up cursor-down cursor-down end-of-line cursor-up
$TMUX_BIN copy-mode; pos history-top 'jump-forward t' cursor-right cursor-right cursor-right cursor-right
$TMUX_BIN copy-mode; pos history-top 'jump-to-forward u' cursor-down 'jump-to-backward s'
$TMUX_BIN copy-mode; pos history-top cursor-down cursor-down cursor-down begin-selection rectangle-toggle end-of-line cursor-up
