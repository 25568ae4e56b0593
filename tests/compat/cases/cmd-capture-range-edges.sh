# capture-pane -S -E at and past the edges: each end clamped to the lines there are, then
# put in order; a range wholly before the oldest history line is that line; a line
# number that is not one (empty, a word, out of range) is the default, without an error.
"$TMUX_BIN" -f /dev/null new -d -s work -x 20 -y 3 'seq 1 7; sleep 1000'
. "$COMPAT_LIB"
wait_pane work 7
for range in "-S -30 -E -3" "-S -30 -E -10" "-E -10" "-S 5 -E 1" "-S -1 -E -9" \
    "-S 9 -E 9" "-S 9 -E -9" "-S x -E y" "-S 99999999999" "-E -99999999999" "-S 32767" \
    "-S 32768" "-S - -E -99" "-S -2 -E 2x"; do
    echo "-- $range"
    "$TMUX_BIN" capturep -p $range
    echo "status $?"
done
"$TMUX_BIN" capturep -p -S '' -E ''
