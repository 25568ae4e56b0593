# select-word, copy-end-of-line, copy-line.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 40 -y 10 "printf 'one two three\nfour (five [six]) seven\n\neight nine\nten eleven twelve\n'; exec cat"
wait_pane s twelve
$TMUX_BIN set -g mode-keys vi
$TMUX_BIN copy-mode
$TMUX_BIN send-keys -X history-top
$TMUX_BIN send-keys -X next-word
$TMUX_BIN send-keys -X select-word
$TMUX_BIN send-keys -X copy-selection
$TMUX_BIN save-buffer -; echo
$TMUX_BIN send-keys -X cursor-down
$TMUX_BIN send-keys -X copy-end-of-line
$TMUX_BIN save-buffer -; echo
$TMUX_BIN display -p '#{pane_in_mode}'
$TMUX_BIN copy-mode
$TMUX_BIN send-keys -X history-top
$TMUX_BIN send-keys -X copy-line
$TMUX_BIN save-buffer -; echo
$TMUX_BIN display -p '#{pane_in_mode}'
# select-word turns a rectangle off: it copies the word, not a rectangle.
$TMUX_BIN copy-mode
$TMUX_BIN send-keys -X history-top
$TMUX_BIN send-keys -X rectangle-toggle
$TMUX_BIN send-keys -X cursor-down
$TMUX_BIN send-keys -X select-word
$TMUX_BIN display -p '#{rectangle_toggle} #{selection_start_x},#{selection_start_y}-#{selection_end_x},#{selection_end_y}'
$TMUX_BIN send-keys -X copy-selection-and-cancel
$TMUX_BIN save-buffer -; echo
