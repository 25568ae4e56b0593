# A wide character that does not fit at a row's end goes to the next row; the copied text
# has the cell it left as a blank, as tmux 3.3a takes a row autowrap continues to the edge.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 10 -y 6 "printf 'abc defgh\\346\\227\\245\\346\\234\\254 end\\n'; exec cat"
wait_pane s end
for keys in vi emacs; do
    $TMUX_BIN set -g mode-keys $keys
    $TMUX_BIN copy-mode
    $TMUX_BIN send-keys -X history-top
    $TMUX_BIN send-keys -X begin-selection
    $TMUX_BIN send-keys -X cursor-down
    $TMUX_BIN send-keys -X end-of-line
    $TMUX_BIN send-keys -X copy-selection-and-cancel
    $TMUX_BIN show-buffer | od -c | head -3
done
