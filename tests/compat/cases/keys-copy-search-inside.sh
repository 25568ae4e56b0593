# Searching down from inside a match (tmux 3.3a): with vi keys and no matches shown, the
# search starts a cell after the cursor, and a match found there inside one that starts
# earlier on its row ("2" of "12" for [0-9]+) is passed over for the next one.
. "$COMPAT_LIB"
printf 'one\n12 h.i c alpha\nabc 345 67 x\n89\nEND\n' > "$COMPAT_TMP/text"
$T new -d -s keep # the server stays when s is killed
for keys in vi emacs; do
    $T kill-session -t s 2>/dev/null
    $T new -d -s s -x 40 -y 10 "cat $COMPAT_TMP/text; exec cat"
    wait_pane s END
    $T set -g mode-keys $keys
    $T copy-mode -t s
    $T send -t s -X history-top
    $T send -t s -X cursor-down
    for c in "search-forward [0-9]+" clear-selection search-again search-again \
        "search-forward 3" clear-selection "search-forward [0-9]+" "search-forward [a-z]+" \
        clear-selection "search-forward [a-z]+" search-again search-again; do
        $T send -t s -X $c
        $T display -p -t s "$keys $c: #{copy_cursor_x},#{copy_cursor_y} #{search_present} [#{search_match}]"
    done
done
