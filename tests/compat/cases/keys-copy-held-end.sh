# The selection's end a search left where it found its match (tmux 3.3a; with emacs keys
# the cursor is past the match) stays through set-mark, toggle-position and a scroll-up
# or scroll-down the view cannot make; a scroll that moves the view, or puts the cursor
# on a line's end, moves it to the cursor. A select-word selection is not grown by a
# scroll the view cannot make either.
. "$COMPAT_LIB"
printf 'one abc two\nfoo bar aXc\nthree 123 four 45\nbarfoo o\nEND\n' > "$COMPAT_TMP/text"
$T new -d -s keep # the server stays when s is killed
for keys in vi emacs; do
    $T kill-session -t s 2>/dev/null
    $T new -d -s s -x 40 -y 10 "cat $COMPAT_TMP/text; exec cat"
    wait_pane s END
    $T set -g mode-keys $keys
    $T copy-mode -t s
    for c in history-top cursor-down begin-selection "search-forward-text abc" set-mark \
        toggle-position scroll-up scroll-down cursor-right "search-forward-text aXc" \
        scroll-down clear-selection start-of-line cursor-right select-word scroll-up \
        scroll-down; do
        $T send -t s -X $c
        $T display -p -t s "$keys $c: #{copy_cursor_x},#{copy_cursor_y} #{selection_start_x},#{selection_start_y}-#{selection_end_x},#{selection_end_y}"
    done
done
