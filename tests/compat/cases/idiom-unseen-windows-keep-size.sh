# A client's size reaches the window it shows; the session's other windows keep theirs
# until a client shows them, and a window seen once keeps the size it had then until it
# is seen again (tmux 3.3a: a resize waits for the window to be current in an attached
# session). Programs in those windows see no SIGWINCH meanwhile.
. "$COMPAT_LIB"
F='#{window_index}:#{window_width}x#{window_height}'
S='#{window_width}x#{window_height}'
$T -f /dev/null new -d -s s -x 80 -y 24 'sleep 1000'
$T neww -d 'sleep 1000'
$T neww -d 'sleep 1000'
mkfifo "$COMPAT_TMP/k1"
script -qfec "stty cols 100 rows 31; $T attach -t s" /dev/null <"$COMPAT_TMP/k1" >/dev/null 2>&1 &
exec 3>"$COMPAT_TMP/k1"
wait_format s:0 "$S" 100x30
echo "attached: $($T lsw -t s -F "$F" | tr '\n' ' ')"
$T selectw -t s:2
wait_format s:2 "$S" 100x30
$T selectw -t s:0
echo "window 2 seen: $($T lsw -t s -F "$F" | tr '\n' ' ')"
stty -F "$($T lsc -F '#{client_tty}')" cols 90 rows 25
wait_format s:0 "$S" 90x24
echo "client resized: $($T lsw -t s -F "$F" | tr '\n' ' ')"
$T selectw -t s:1
wait_format s:1 "$S" 90x24
echo "window 1 seen: $($T lsw -t s -F "$F" | tr '\n' ' ')"
$T detach -s s
start=$(date +%s); until [ -z "$($T lsc)" ] || waited_enough "$start"; do sleep 0.05; done
$T selectw -t s:2
echo "detached, window 2 current: $($T lsw -t s -F "$F" | tr '\n' ' ')"
exec 3>&-
