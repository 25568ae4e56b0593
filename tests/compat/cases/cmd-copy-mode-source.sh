# copy-mode -s copies from another pane: its history and screen, the blank lines at its
# end left out, its cursor placed on the copy.
. "$COMPAT_LIB"
$TMUX_BIN -f /dev/null new -d -s s -x 30 -y 6 "printf 'aaa\nbbb\n'; exec cat"
$TMUX_BIN splitw -d -t s "seq 1 20; exec cat"
wait_pane %1 20
wait_pane %0 bbb
$TMUX_BIN copy-mode -s %1 -t %0; echo "rc=$?"
$TMUX_BIN display -p -t %0 '#{pane_in_mode} #{pane_mode} #{scroll_position} #{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send -t %0 -X start-of-line \; send -t %0 -X cursor-up \; send -t %0 -X begin-selection \; send -t %0 -X cursor-down \; send -t %0 -X end-of-line \; send -t %0 -X copy-selection-and-cancel
$TMUX_BIN show-buffer; echo
$TMUX_BIN display -p -t %0 'left #{pane_in_mode}'
$TMUX_BIN copy-mode -s %1 -t %0
$TMUX_BIN send -t %0 -X history-top \; send -t %0 -X begin-selection \; send -t %0 -X end-of-line \; send -t %0 -X copy-selection
$TMUX_BIN display -p -t %0 'top #{scroll_position} #{copy_cursor_y}'
$TMUX_BIN show-buffer; echo
$TMUX_BIN copy-mode -s nosuch -t %0; echo "rc=$?"
$TMUX_BIN copy-mode -q -t %0
$TMUX_BIN copy-mode -s %0 -t %1
$TMUX_BIN display -p -t %1 '#{pane_in_mode} #{scroll_position} #{copy_cursor_x},#{copy_cursor_y}'
$TMUX_BIN send -t %1 -X start-of-line \; send -t %1 -X begin-selection \; send -t %1 -X end-of-line \; send -t %1 -X copy-selection-and-cancel
$TMUX_BIN show-buffer; echo
$TMUX_BIN copy-mode -s %0 -t %0; $TMUX_BIN display -p -t %0 'self #{pane_in_mode} #{scroll_position}'
