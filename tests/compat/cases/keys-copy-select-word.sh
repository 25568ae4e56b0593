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
