# Default bindings run: C-b-less prefix keys through send-keys to copy mode (q, Escape).
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 40 -y 10 "printf 'one two three\nfour (five [six]) seven\n\neight nine\nten eleven twelve\n'; exec cat"
wait_pane s twelve
$TMUX_BIN copy-mode
$TMUX_BIN send-keys Escape
$TMUX_BIN display -p '#{pane_in_mode}'
$TMUX_BIN set -g mode-keys vi
$TMUX_BIN copy-mode
$TMUX_BIN send-keys Escape
$TMUX_BIN display -p '#{pane_in_mode}'
$TMUX_BIN send-keys q
$TMUX_BIN display -p '#{pane_in_mode}'
