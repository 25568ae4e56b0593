# *-and-cancel motions leave copy mode at the bottom.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 40 -y 10 "printf 'one two three\nfour (five [six]) seven\n\neight nine\nten eleven twelve\n'; exec cat"
wait_pane s twelve
$TMUX_BIN copy-mode
$TMUX_BIN send-keys -X scroll-down-and-cancel
$TMUX_BIN display -p '#{pane_in_mode}'
$TMUX_BIN copy-mode
$TMUX_BIN send-keys -X cursor-up
$TMUX_BIN send-keys -X page-down-and-cancel
$TMUX_BIN display -p '#{pane_in_mode}'
$TMUX_BIN copy-mode
$TMUX_BIN send-keys -X halfpage-down-and-cancel
$TMUX_BIN display -p '#{pane_in_mode}'
