# Searching up while selecting (tmux 3.3a): the match found on a row of a wrapped line can
# be inside one that starts on an earlier row ("b ij r" inside "b cd efgh b ij r"); the
# cursor goes to that one's start, but the selection's end stays where the match was found
# (for select-line: the line found on), until the next motion. A match found at a row's
# first column ("ber" inside "b cd efgber") is passed over: the end goes to the start.
. "$COMPAT_LIB"
printf 'one\nxx ab cd efgh b ij r\nyy ab cd efgber\nzz\nEND\n' > "$COMPAT_TMP/text"
$T new -d -s keep # the server stays when s is killed
for keys in vi emacs; do
    for sel in begin-selection select-line; do
        $T kill-session -t s 2>/dev/null
        $T new -d -s s -x 12 -y 10 "cat $COMPAT_TMP/text; exec cat"
        wait_pane s END
        $T set -g mode-keys $keys
        $T copy-mode -t s
        $T send -t s -X history-bottom
        for c in $sel "search-backward b.*r" "search-backward b.*r" \
            "search-backward nowhere" cursor-up; do
            $T send -t s -X $c
            $T display -p -t s "$keys $c: #{copy_cursor_x},#{copy_cursor_y} #{selection_start_x},#{selection_start_y}-#{selection_end_x},#{selection_end_y} [#{search_match}]"
        done
    done
done
