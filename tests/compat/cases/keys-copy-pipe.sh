# copy-pipe: the selection is copied and is the command's input.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 40 -y 10 "printf 'one two three\\nfour (five [six]) seven\\n\\neight nine\\nten eleven twelve\\n'; exec cat"
wait_pane s twelve
$TMUX_BIN copy-mode
$TMUX_BIN send-keys -X history-top
$TMUX_BIN send-keys -X begin-selection
$TMUX_BIN send-keys -X end-of-line
$TMUX_BIN send-keys -X copy-pipe-and-cancel "cat > $COMPAT_TMP/piped"
i=0
while [ ! -s "$COMPAT_TMP/piped" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
od -c "$COMPAT_TMP/piped"
$TMUX_BIN save-buffer - | od -c
$TMUX_BIN display -p '#{pane_in_mode}'
