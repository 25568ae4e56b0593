# window-size manual: each window keeps its own size, the one it was made with (80x24 for
# a window of a detached session, the client's for one made while it was attached) or
# the one resize-window gave it, whatever the clients' sizes do; not the session's
# default-size. A client that resizes changes no manual window (tmx gave each the
# default-size again: a resize-window undone by the next client resize), and the window
# resize-window sized stays manual when the global window-size changes.
. "$COMPAT_LIB"
F='#{window_index}:#{window_width}x#{window_height}'
S='#{window_width}x#{window_height}'
$T -f /dev/null new -d -s s -x 80 -y 24 'sleep 1000'
$T set -g default-size 120x40
mkfifo "$COMPAT_TMP/k1"
script -qfec "stty cols 100 rows 31; $T attach -t s" /dev/null <"$COMPAT_TMP/k1" >/dev/null 2>&1 &
exec 3>"$COMPAT_TMP/k1"
wait_format s:0 "$S" 100x30
$T neww -t s:1 'sleep 1000'
wait_format s:1 "$S" 100x30
$T set -g window-size manual
wait_format s:0 "$S" 80x24
echo "manual: $($T lsw -t s -F "$F" | tr '\n' ' ')"
$T resize-window -t s:1 -x 50 -y 10
wait_format s:1 "$S" 50x10
stty -F "$($T lsc -F '#{client_tty}')" cols 90 rows 25
wait_format s:1 '#{client_width}x#{client_height}' 90x25
echo "client resized: $($T lsw -t s -F "$F" | tr '\n' ' ')"
$T set -g window-size latest
$T selectw -t s:0
wait_format s:0 "$S" 90x24
echo "latest, window 0 shown: $($T lsw -t s -F "$F" | tr '\n' ' ')"
exec 3>&-
