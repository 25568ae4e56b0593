# select-line on a wrapped line whose end is below the view (tmux 3.3a): the view scrolls
# to it, and tmux, scrolling a line at a time, remembers the column it had at the line's
# start for the next vertical motion, so page-up puts the cursor there.
. "$COMPAT_LIB"
printf 'one\ntwo\nthree\nsierra abc tango alpha x papa/quebec x lima h.i abc ok 12 papa/quebec mike alpha\nEND\n' > "$COMPAT_TMP/text"
$T new -d -s s -x 30 -y 4 "cat $COMPAT_TMP/text; exec cat"
wait_pane s END
$T set -g mode-keys vi
$T copy-mode -t s
for c in history-top cursor-down cursor-down cursor-down cursor-right cursor-right \
    cursor-right cursor-up cursor-down select-line page-up page-down cursor-up; do
    $T send -t s -X $c
    $T display -p -t s "$c: #{copy_cursor_x},#{copy_cursor_y} #{scroll_position} #{selection_start_x},#{selection_start_y}-#{selection_end_x},#{selection_end_y}"
done
