# cursor-down-and-cancel at the bottom of the history moves down and leaves copy mode only
# when the cursor is already on the last line.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 20 -y 8 "printf 'aaa\\nbbbb\\nccccc\\ndd\\nee\\n'; exec cat"
wait_pane s ee
$TMUX_BIN copy-mode
$TMUX_BIN send-keys -X history-top
for c in cursor-down-and-cancel 'cursor-down-and-cancel' cursor-down-and-cancel; do
    $TMUX_BIN send-keys -X $c
    $TMUX_BIN display -p '#{pane_in_mode} #{copy_cursor_y}'
done
$TMUX_BIN send-keys -N 6 -X cursor-down-and-cancel
$TMUX_BIN display -p '#{pane_in_mode} #{copy_cursor_y}'
$TMUX_BIN send-keys -X cursor-down-and-cancel
$TMUX_BIN display -p '#{pane_in_mode}'
