# rectangle-toggle: a block of columns is copied, line by line.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 40 -y 10 "printf 'one two three\\nfour (five [six]) seven\\n\\neight nine\\nten eleven twelve\\n'; exec cat"
wait_pane s twelve
$TMUX_BIN set -g mode-keys vi
$TMUX_BIN copy-mode
$TMUX_BIN send-keys -X history-top
$TMUX_BIN send-keys -X cursor-right
$TMUX_BIN send-keys -X begin-selection
$TMUX_BIN send-keys -X rectangle-toggle
$TMUX_BIN send-keys -X -N 3 cursor-down
$TMUX_BIN send-keys -X -N 2 cursor-right
$TMUX_BIN send-keys -X copy-selection-and-cancel
$TMUX_BIN save-buffer - | od -c
# rectangle-toggle -N n toggles once.
$TMUX_BIN copy-mode
for n in 2 3 4; do
    $TMUX_BIN send-keys -N $n -X rectangle-toggle
    $TMUX_BIN display -p '#{rectangle_toggle}'
done
