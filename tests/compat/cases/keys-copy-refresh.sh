# refresh-from-pane (vi: r) drops the selection, as tmux 3.3a, which takes a new copy of
# the pane for it: a rectangle, a select-line and a select-word selection go, the search's
# matches with them; the rectangle flag and the cursor stay.
. "$COMPAT_LIB"
printf 'one abc two\nfoo bar aXc\nthree 123 four 45\nbarfoo o\nEND\n' > "$COMPAT_TMP/text"
$T new -d -s keep # the server stays when s is killed
for keys in vi emacs; do
    $T kill-session -t s 2>/dev/null
    $T new -d -s s -x 40 -y 10 "cat $COMPAT_TMP/text; exec cat"
    wait_pane s END
    $T set -g mode-keys $keys
    $T copy-mode -t s
    $T send -t s -X history-top
    for c in rectangle-toggle begin-selection end-of-line cursor-down refresh-from-pane \
        cursor-up rectangle-toggle select-line refresh-from-pane cursor-up select-word \
        "search-forward a.c" refresh-from-pane cursor-right; do
        $T send -t s -X $c
        $T display -p -t s "$keys $c: #{copy_cursor_x},#{copy_cursor_y} #{selection_present} #{selection_start_x},#{selection_start_y}-#{selection_end_x},#{selection_end_y} #{rectangle_toggle} #{search_present}"
    done
done
