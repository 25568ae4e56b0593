# window-size latest with grouped sessions: a window in the sessions of several clients
# takes the size of its own latest client (the last to attach to it, type in it or resize
# its terminal on it), whatever window that client shows now; select-window and
# refresh-client from outside make no client the latest. A window no latest client sizes
# (none yet) takes, when shown, the size the clients gave it while nobody saw it; when its
# latest client detaches, the one showing it that typed last takes its place. (tmx took
# the size of whichever client had typed or attached last, for every window.)
. "$COMPAT_LIB"
F='#{window_index}:#{window_width}x#{window_height}'
S='#{window_width}x#{window_height}'
show() { echo "$1: $($T lsw -t a -F "$F" | tr '\n' ' ')"; }
# tty_of WIDTH: the terminal of the client that is WIDTH columns wide.
tty_of() { $T lsc -F '#{client_width} #{client_tty}' | awk -v w="$1" '$1 == w { print $2 }'; }
$T -f /dev/null new -d -s a -x 80 -y 24 'sleep 1000'
$T neww -d -t a 'sleep 1000'
$T new -d -s b -t a
mkfifo "$COMPAT_TMP/k1" "$COMPAT_TMP/k2" "$COMPAT_TMP/k3"
script -qfec "stty cols 100 rows 31; $T attach -t a" /dev/null <"$COMPAT_TMP/k1" >/dev/null 2>&1 &
exec 3>"$COMPAT_TMP/k1"
wait_format a:0 "$S" 100x30
script -qfec "stty cols 70 rows 21; $T attach -t b" /dev/null <"$COMPAT_TMP/k2" >/dev/null 2>&1 &
exec 4>"$COMPAT_TMP/k2"
wait_format a:0 "$S" 70x20
show "A on a, B on b"
$T selectw -t b:1
wait_format a:1 "$S" 100x30
show "b shows 1"
$T selectw -t a:1
$T selectw -t b:0
$T refresh-client -t "$(tty_of 100)"
show "a shows 1, b 0, A refreshed"
stty -F "$(tty_of 100)" cols 90 rows 26
wait_format a:1 "$S" 90x25
show "A resized"
script -qfec "stty cols 60 rows 16; $T attach -t b" /dev/null <"$COMPAT_TMP/k3" >/dev/null 2>&1 &
exec 5>"$COMPAT_TMP/k3"
wait_format a:0 "$S" 60x15
show "C on b"
wait_clients_raw
printf x >&4
wait_format a:0 "$S" 70x20
show "B typed"
$T refresh-client -t "$(tty_of 60)"
show "C refreshed"
$T detach -t "$(tty_of 70)"
wait_format a:0 "$S" 60x15
show "B detached"
$T detach -t "$(tty_of 60)"
start=$(date +%s); until [ "$($T lsc | wc -l)" = 1 ] || waited_enough "$start"; do sleep 0.05; done
$T selectw -t a:0
wait_format a:0 "$S" 90x25
show "C detached, a shows 0"
exec 3>&- 4>&- 5>&-
