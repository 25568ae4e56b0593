# In a rectangle, a motion that scrolls the view to reach its place (next-word off the
# bottom row) remembers no column for the vertical motions, as tmux 3.3a: after the
# rectangle is cleared, cursor-up from a line's end goes to the column remembered before
# it (5).
. "$COMPAT_LIB"
$T new -d -s s -x 20 -y 4 "for i in 1 2 3 4 5 6 7 8 9; do echo \"l\$i abcdefghij\"; done; echo END; exec cat"
wait_pane s END
$T set -g mode-keys vi
$T copy-mode -t s
for c in history-top start-of-line cursor-right cursor-right cursor-right cursor-right \
    cursor-right cursor-down cursor-up rectangle-toggle begin-selection bottom-line \
    end-of-line cursor-left next-word clear-selection end-of-line cursor-up; do
    $T send -t s -X $c
    $T display -p -t s "$c: #{copy_cursor_x},#{copy_cursor_y} #{scroll_position} #{rectangle_toggle}"
done
