# A jump (f F t T) never lands on a cell with combining marks, as tmux 3.3a, which compares
# the whole cell with the one character it jumps to: 'e' skips the decomposed "é" of
# "ét", and so does "é" typed decomposed; a precomposed é is a character like any other.
. "$COMPAT_LIB"
printf 'one\nfoo e\314\201t x \303\251 e y\nEND\n' > "$COMPAT_TMP/text"
$T new -d -s s -x 30 -y 10 "cat $COMPAT_TMP/text; exec cat"
wait_pane s END
$T set -g mode-keys vi
$T copy-mode -t s
$T send -t s -X history-top
$T send -t s -X cursor-down
for c in "jump-forward e" start-of-line "jump-to-forward e" end-of-line "jump-backward e" \
    jump-again "jump-to-backward e" start-of-line "jump-forward $(printf 'e\314\201')" \
    start-of-line "jump-forward $(printf '\303\251')" "jump-forward $(printf '\314\201')"; do
    $T send -t s -X $c
    $T display -p -t s "$c: #{copy_cursor_x},#{copy_cursor_y}"
done
