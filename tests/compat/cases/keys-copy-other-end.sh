# other-end swaps the cursor and the selection's start; clear-selection drops it.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 40 -y 10 "printf 'one two three\\nfour (five [six]) seven\\n\\neight nine\\nten eleven twelve\\n'; exec cat"
wait_pane s twelve
$TMUX_BIN copy-mode
$TMUX_BIN send-keys -X history-top
$TMUX_BIN send-keys -X next-word
$TMUX_BIN send-keys -X begin-selection
$TMUX_BIN send-keys -X cursor-down
$TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y} #{selection_present}'
$TMUX_BIN send-keys -X other-end
$TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y} #{selection_present}'
$TMUX_BIN send-keys -X copy-selection-no-clear
$TMUX_BIN save-buffer - | od -c
$TMUX_BIN display -p '#{selection_present}'
$TMUX_BIN send-keys -X clear-selection
$TMUX_BIN display -p '#{selection_present}'
