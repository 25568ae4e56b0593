# As tmux, copy-mode commands it does not know, or with wrong arguments, do nothing.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 40 -y 10 "printf 'one two three\nfour (five [six]) seven\n\neight nine\nten eleven twelve\n'; exec cat"
wait_pane s twelve
$TMUX_BIN copy-mode
$TMUX_BIN send-keys -X nosuch; echo "rc=$?"
$TMUX_BIN send-keys -X; echo "rc=$?"
$TMUX_BIN send-keys -X search-forward; echo "rc=$?"
$TMUX_BIN send-keys -X goto-line; echo "rc=$?"
$TMUX_BIN send-keys -X jump-forward; echo "rc=$?"
$TMUX_BIN send-keys -X cursor-up x; echo "rc=$?"
$TMUX_BIN send-keys -X cancel x; echo "rc=$?"
$TMUX_BIN display -p '#{pane_in_mode}'
$TMUX_BIN send-keys -X cancel; echo "rc=$?"
$TMUX_BIN display -p '#{pane_in_mode}'
