# emacs keys' M-C-f and M-C-b (next- and previous-matching-bracket) from every column.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 40 -y 10 "printf 'ab(cd) ef(g)h\\nx (y) z\\n'; exec cat"
wait_pane s 'x (y) z'
for cmd in next-matching-bracket previous-matching-bracket; do
    for x in 0 1 2 3 4 5 6 7 8 9 10 11 12 13; do
        $TMUX_BIN copy-mode
        $TMUX_BIN send-keys -X history-top
        [ $x -gt 0 ] && $TMUX_BIN send-keys -X -N $x cursor-right
        $TMUX_BIN send-keys -X $cmd
        printf '%s->%s ' $x "$($TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}')"
        $TMUX_BIN send-keys -X cancel
    done
    echo
done
