# The last search outlives copy mode (tmux 3.3a keeps it with the pane): a new copy mode
# takes it up, search-again going up and search-reverse down, as a plain text or an
# expression as it was; it is the pane's, not another pane's.
. "$COMPAT_LIB"
printf 'one abc two\nfoo bar aXc\nthree 123 four 45\nbarfoo o\nEND\n' > "$COMPAT_TMP/text"
$T new -d -s s -x 40 -y 10 "cat $COMPAT_TMP/text; exec cat"
wait_pane s END
$T split-window -t s "cat $COMPAT_TMP/text; exec cat"
wait_pane s END
$T set -g mode-keys vi
$T copy-mode -t s.0
$T send -t s.0 -X history-top
$T send -t s.0 -X search-forward a.c
$T send -t s.0 -X cancel
for c in search-again search-again search-reverse "search-backward-text o" cancel; do
    $T copy-mode -t s.0
    $T send -t s.0 -X $c
    $T display -p -t s.0 "$c: #{copy_cursor_x},#{copy_cursor_y} #{search_present} [#{search_match}]"
done
$T copy-mode -t s.0
$T send -t s.0 -X search-reverse
$T display -p -t s.0 "after -text: #{copy_cursor_x},#{copy_cursor_y} [#{search_match}]"
$T copy-mode -t s.1
$T send -t s.1 -X search-again
$T display -p -t s.1 "other pane: #{copy_cursor_x},#{copy_cursor_y} #{search_present}"
