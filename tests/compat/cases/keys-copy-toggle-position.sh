# toggle-position and refresh-from-pane change nothing a script sees.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 40 -y 10 "printf 'one two three\nfour (five [six]) seven\n\neight nine\nten eleven twelve\n'; exec cat"
wait_pane s twelve
$TMUX_BIN copy-mode
$TMUX_BIN send-keys -X toggle-position; echo "rc=$?"
$TMUX_BIN send-keys -X refresh-from-pane; echo "rc=$?"
$TMUX_BIN display -p '#{pane_in_mode} #{scroll_position}'
