# A search while selecting (tmux 3.3a): the selection ends at the match's start, also with
# emacs keys, where the cursor goes past the match, until the cursor next moves. The
# matches shown stay through a failed search and a command copy mode does not know.
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
    $T send -t s -X begin-selection
    for c in "search-forward-text abc" "search-forward a.c" "search-backward o+" search-again \
        search-reverse "search-forward nowhere" no-such-command cursor-right "search-forward [0-9]+" \
        cursor-left; do
        $T send -t s -X $c
        $T display -p -t s "$c: #{copy_cursor_x},#{copy_cursor_y} #{selection_start_x},#{selection_start_y}-#{selection_end_x},#{selection_end_y} #{search_present} [#{search_match}]"
    done
done
# The matches shown are found again for the last search (even a failed one) after page-up,
# history-top and the like, but not for one that does not compile.
$T send -t s -X cancel
$T set -g mode-keys vi
$T copy-mode -t s
$T send -t s -X history-top
for c in "search-forward abc" "search-forward (" page-up "search-forward abc" \
    "search-forward zzz" page-up "search-forward abc" "search-forward zzz" cursor-up; do
    $T send -t s -X $c
    $T display -p -t s "$c: #{copy_cursor_x},#{copy_cursor_y} #{search_present} [#{search_match}]"
done
