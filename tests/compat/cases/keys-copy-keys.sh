# Keys sent to a pane in copy mode go to its key table: q leaves, nothing reaches the program.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 40 -y 10 "printf 'one two three\nfour (five [six]) seven\n\neight nine\nten eleven twelve\n'; exec cat"
wait_pane s twelve
$TMUX_BIN copy-mode
$TMUX_BIN send-keys hello Enter
$TMUX_BIN display -p '#{pane_in_mode}'
$TMUX_BIN send-keys q
$TMUX_BIN display -p '#{pane_in_mode}'
$TMUX_BIN send-keys -l .END
wait_pane s .END
$TMUX_BIN capture-pane -p | grep -c hello
$TMUX_BIN set -g mode-keys vi
$TMUX_BIN copy-mode
$TMUX_BIN send-keys g
$TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys w w
$TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send-keys C-c
$TMUX_BIN display -p '#{pane_in_mode}'
