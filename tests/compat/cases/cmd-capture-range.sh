# capture-pane -S -E with history, - for the edges, and into a buffer (-b)
"$TMUX_BIN" -f /dev/null new -d -s work -x 20 -y 5 'seq 1 12; sleep 1000'
. "$COMPAT_LIB"
wait_pane work 12
echo "-- S -3"; "$TMUX_BIN" capturep -p -S -3
echo "-- S - E 2"; "$TMUX_BIN" capturep -p -S - -E 2
echo "-- S 1 E 2"; "$TMUX_BIN" capturep -p -S 1 -E 2
echo "-- S -2 E -1"; "$TMUX_BIN" capturep -p -S -2 -E -1
"$TMUX_BIN" capturep -b cap -S 0 -E 1
"$TMUX_BIN" showb -b cap
"$TMUX_BIN" capturep -S 0 -E 0
"$TMUX_BIN" lsb -F '#{buffer_name} #{buffer_size}'
