# select-word on a blank at the view's top row, while a selection starts on that line: the
# word it takes is on the line above, out of view, and tmux 3.3a scrolls up to it with
# cursor-up steps that swap that selection's ends, so the new selection runs up: a scroll
# then puts the cursor on its line's start, not its end.
. "$COMPAT_LIB"
$T new -d -s s -x 30 -y 3 "for i in 0 1 2 3 4 5 6 7; do echo \"alpha\$i beta\$i\"; echo \" gamma\$i delta\$i\"; done; echo END; exec cat"
wait_pane s END
for keys in vi emacs; do
    $T set -g mode-keys $keys
    $T copy-mode -t s
    for c in history-top scroll-down top-line begin-selection select-word scroll-down \
        scroll-down cursor-down other-end; do
        $T send -t s -X $c
        echo "$keys $c: $($T display -p -t s '#{copy_cursor_x},#{copy_cursor_y} #{scroll_position} #{selection_start_x},#{selection_start_y}-#{selection_end_x},#{selection_end_y}')"
    done
    $T send -t s -X cancel
done
