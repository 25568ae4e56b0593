# capture-pane -p -J -N -e -C -P
"$TMUX_BIN" -f /dev/null new -d -s work -x 20 -y 5 'printf "a\033[31mred\033[0m b   \n"; printf "%s" "0123456789012345678901234"; sleep 1000'
. "$COMPAT_LIB"
wait_pane work 01234
echo "-- p"; "$TMUX_BIN" capturep -p
echo "-- J"; "$TMUX_BIN" capturep -p -J
echo "-- e"; "$TMUX_BIN" capturep -pe | od -c
echo "-- C"; "$TMUX_BIN" capturep -p -C
echo "-- P"; "$TMUX_BIN" capturep -p -P | od -c
echo "-- N"; "$TMUX_BIN" capturep -p -N | od -c
