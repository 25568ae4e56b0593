# As tmux 3.3a: a jump that finds nothing leaves the selection as it is (after select-word
# a found one takes whole words); cursor-down-and-cancel leaves when the cursor's row
# stays at the bottom, after scroll-up too; vertical motions may stop on a wide
# character's right half.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 30 -y 6 "printf 'alpha beta gamma\\nzz \\346\\227\\245\\346\\234\\254\\350\\252\\236\\nxxxxxxx\\n1\\n2\\n3\\n4\\n5\\n6\\n'; exec cat"
wait_pane s 6
pos() {
    for c in "$@"; do
        $TMUX_BIN send-keys $c
        printf '%s ' "$($TMUX_BIN display -p '#{pane_in_mode} #{copy_cursor_x},#{copy_cursor_y} #{selection_start_x},#{selection_start_y}-#{selection_end_x},#{selection_end_y}')"
    done
    echo
    $TMUX_BIN send-keys -X cancel 2>/dev/null || true
}
for keys in emacs vi; do
    $TMUX_BIN set -g mode-keys $keys
    $TMUX_BIN copy-mode; pos '-X history-top' '-X next-word' '-X select-word' '-X jump-forward q' '-X jump-forward m' '-X jump-again'
    $TMUX_BIN copy-mode; pos '-X history-top' '-X cursor-down' '-X cursor-down' '-X cursor-right' '-X cursor-right' '-X cursor-right' '-X cursor-right' '-X cursor-up' '-X cursor-right' '-X cursor-down'
    $TMUX_BIN copy-mode; pos '-X history-bottom' '-X scroll-up' '-X cursor-down-and-cancel'
done
