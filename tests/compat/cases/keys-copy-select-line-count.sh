# select-line -N n selects n lines from the cursor's down; a plain select-line again selects one.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 20 -y 8 "printf 'aaa\\nbbbb\\nccccc\\ndd\\nee\\n'; exec cat"
wait_pane s ee
$TMUX_BIN set -g mode-keys vi
$TMUX_BIN copy-mode
$TMUX_BIN send-keys -X history-top
$TMUX_BIN send-keys -X cursor-down
$TMUX_BIN send-keys -N 3 -X select-line
$TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y} #{selection_start_x},#{selection_start_y}-#{selection_end_x},#{selection_end_y}'
$TMUX_BIN send-keys -X copy-selection
$TMUX_BIN save-buffer -; echo
$TMUX_BIN send-keys -X select-line
$TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y} #{selection_start_x},#{selection_start_y}-#{selection_end_x},#{selection_end_y}'
