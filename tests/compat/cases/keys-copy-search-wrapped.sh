# Searching a line that autowrap wrapped over several rows (tmux 3.3a): each row is searched
# with the rows after it, so a match may run over them; when the match found on a row is
# inside one that starts on an earlier row (b.*r from row 2 finds "bec v foxtr", inside
# "ber be ... foxtr"), the cursor goes to that one's start (emacs, down: past its end).
. "$COMPAT_LIB"
printf 'mike:november be foxtrot_g lima sierra mike:november cd zulu papa/quebec v foxtrot_g \346\227\245\346\234\254\350\252\236\nEND\n' > "$COMPAT_TMP/text"
$T new -d -s keep # the server stays when s is killed
for keys in vi emacs; do
    $T kill-session -t s 2>/dev/null
    $T new -d -s s -x 30 -y 10 "cat $COMPAT_TMP/text; exec cat"
    wait_pane s END
    $T set -g mode-keys $keys
    $T copy-mode -t s
    for p in 'b.c' 'b.*c' 'q.*r' 'x.*' 'c.f' 'b.*r' '^p' 'o$' '[a-z]+ [a-z]+$'; do
        $T send -t s -X history-top
        $T send -t s -X cursor-down
        $T send -t s -X cursor-down
        $T send -t s -X search-forward "$p"
        $T display -p -t s "$p: #{copy_cursor_x},#{copy_cursor_y} [#{search_match}]"
        $T send -t s -X search-again
        $T display -p -t s "  again: #{copy_cursor_x},#{copy_cursor_y} [#{search_match}]"
        $T send -t s -X search-backward "$p"
        $T display -p -t s "  up: #{copy_cursor_x},#{copy_cursor_y} [#{search_match}]"
    done
done
