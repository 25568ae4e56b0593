# Searching down past a match inside one that starts on an earlier row (tmux 3.3a): the
# view first goes to the match passed over, then the cursor to the next one, which moves
# the view again only if it is out of it (the match on the row just below stays on the
# view's last row, not a quarter of the height above it).
. "$COMPAT_LIB"
{ echo top; for i in 1 2 3 4 5 6; do echo "f$i"; done
  echo "abc xxxxxxxxxxxxxxxxxxxx be x-ray yy"; printf '\303\234ber z\n'
  for i in 1 2 3 4 5 6 7 8 9 10; do echo "g$i"; done; echo END; } > "$COMPAT_TMP/text"
$T new -d -s s -x 20 -y 8 "cat $COMPAT_TMP/text; exec cat"
wait_pane s END
$T set -g mode-keys vi
$T copy-mode -t s
for c in history-top cursor-down cursor-down cursor-down cursor-down cursor-down cursor-down \
    cursor-down "jump-forward x" "search-forward b.*r" search-again; do
    $T send -t s -X $c
    $T display -p -t s "$c: #{copy_cursor_x},#{copy_cursor_y} #{scroll_position} [#{search_match}]"
done
