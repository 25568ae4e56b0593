# search-forward and search-backward take a POSIX extended regular expression (tmux 3.3a):
# where the cursor lands (vi: the match's start; emacs, forward: just after it), a match
# running over a wrapped line, ^ at each row's start, $ only at a row's full width, an
# empty match (none), an invalid expression (nothing moves, the last matches stay shown),
# a match after a wide character (it starts on the character's right half, where the
# cursor has no word), case (non-ASCII text keeps it), #{search_match}, combining marks.
. "$COMPAT_LIB"
printf 'one abc two\nfoo bar aXc\nthree 123 four 45\naaaa bbbb cccc dddd eeee ffff gggg\n\346\227\245b \346\227\245\346\234\254x\nqq \303\274 \303\234ber\nxxa axx e\314\201t\nEND\n' > "$COMPAT_TMP/text"
hi=$(printf '\346\227\245') hon=$(printf '\346\234\254') ue=$(printf '\303\274')
# (on the top row tmux 3.3a's #{copy_cursor_word} reads its position indicator: not shown)
$T new -d -s keep # the server stays when s is killed
for keys in vi emacs; do
    $T kill-session -t s 2>/dev/null
    $T new -d -s s -x 20 -y 14 "cat $COMPAT_TMP/text; exec cat"
    wait_pane s END
    $T set -g mode-keys $keys
    $T copy-mode -t s
    $T send -t s -X history-top
    for c in "search-forward a.c" search-again search-again search-reverse \
        "search-backward [0-9]+" search-again search-reverse "search-forward [0-9]" \
        search-again search-again "search-forward d.*f" "search-forward ^ee" \
        "search-forward i\$" "search-forward x*" search-again "search-forward (" \
        "search-forward [a" search-again "search-backward ^a" search-again \
        "search-forward [b]" "search-forward $hon." "search-forward $ue." \
        search-again "search-forward-text a.c" "search-backward (ab|cd)" \
        "search-forward A.C" "search-forward a|b" "search-forward e.t" "search-backward $hi."; do
        $T send -t s -X $c
        $T display -p -t s "$c: #{copy_cursor_x},#{copy_cursor_y} #{search_present} [#{search_match}] #{?#{==:#{copy_cursor_y},0},,#{copy_cursor_word}}"
    done
done
