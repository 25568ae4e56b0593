# append-selection adds the selection to the newest buffer.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 40 -y 10 "printf 'one two three\nfour (five [six]) seven\n\neight nine\nten eleven twelve\n'; exec cat"
wait_pane s twelve
$TMUX_BIN set -g mode-keys vi
$TMUX_BIN set-buffer "start:"
$TMUX_BIN copy-mode
$TMUX_BIN send-keys -X history-top
$TMUX_BIN send-keys -X begin-selection
$TMUX_BIN send-keys -X next-word-end
$TMUX_BIN send-keys -X append-selection-and-cancel
$TMUX_BIN save-buffer -; echo
$TMUX_BIN list-buffers | wc -l
$TMUX_BIN display -p '#{pane_in_mode}'
