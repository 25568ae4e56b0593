# A search that finds nothing leaves the selection as it was (tmux 3.3a): with emacs keys
# the cursor sits after a select-word word, and a failed search (plain text, an expression,
# '^' that only matches empty, search-again) does not snap the selection's end to the next
# word; one that finds a match does.
. "$COMPAT_LIB"
printf 'one abc two\nfoo bar aXc\nthree 123 four 45\nEND\n' > "$COMPAT_TMP/text"
$T new -d -s keep # the server stays when s is killed
for keys in emacs vi; do
    $T kill-session -t s 2>/dev/null
    $T new -d -s s -x 40 -y 10 "cat $COMPAT_TMP/text; exec cat"
    wait_pane s END
    $T set -g mode-keys $keys
    $T copy-mode -t s
    $T send -t s -X history-top
    $T send -t s -X cursor-down
    for c in select-word "search-forward zzz" select-word "search-forward ^" select-word \
        "search-backward-text zzz" select-word search-again "search-forward 4+" select-word \
        "search-backward $" cursor-right; do
        $T send -t s -X $c
        $T display -p -t s "$c: #{copy_cursor_x},#{copy_cursor_y} #{selection_start_x},#{selection_start_y}-#{selection_end_x},#{selection_end_y} #{search_present} [#{search_match}]"
    done
done
