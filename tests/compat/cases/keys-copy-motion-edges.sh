# Motions at tmux 3.3a's edges: back-to-indentation on a blank line stays; cursor-left from
# a rectangle's first column goes to the end of the line above, not to the pane's edge;
# previous-word and next-word see the blank that ends a row autowrap continues; vi
# next-word-end stops on a wide last character's right half, where #{copy_cursor_word}
# is empty; -N does not repeat history-top (under select-line it would swap the ends
# twice).
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 20 -y 8 "printf 'one\\n   \\nabcdefghijklmnopqrs tuv\\ncd \\346\\227\\245\\346\\234\\254 ef\\nlast\\n'; exec cat"
wait_pane s last
pos() {
    for c in "$@"; do
        $TMUX_BIN send-keys $c
        printf '%s ' "$($TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y} [#{copy_cursor_word}] #{selection_start_x},#{selection_start_y}-#{selection_end_x},#{selection_end_y}')"
    done
    echo
    $TMUX_BIN send-keys -X cancel
}
$TMUX_BIN set -g mode-keys vi
$TMUX_BIN copy-mode; pos '-X history-top' '-X cursor-down' '-X begin-selection' '-X rectangle-toggle' '-X cursor-right' '-X cursor-right' '-X back-to-indentation'
$TMUX_BIN copy-mode; pos '-X history-top' '-X cursor-down' '-X cursor-down' '-X begin-selection' '-X rectangle-toggle' '-X cursor-left'
$TMUX_BIN copy-mode; pos '-X history-top' '-X cursor-down' '-X cursor-down' '-X jump-forward p' '-X next-word' '-X previous-word' '-X previous-word'
$TMUX_BIN copy-mode; pos '-X history-top' '-X cursor-down' '-X cursor-down' '-X cursor-down' '-X cursor-down' '-X next-word' '-X next-word-end' '-X cursor-left'
$TMUX_BIN copy-mode; pos '-X history-top' '-X cursor-down' '-X cursor-down' '-X select-line' '-X cursor-down' '-N 2 -X history-top' '-X cursor-down'
