# aggressive-resize: a window shown in two grouped sessions is sized by the clients whose
# current window it is, not by every client of its sessions; it changes size as they
# switch (window-size smallest); turned off, every client of its sessions counts again.
. "$COMPAT_LIB"
F='#{window_index}:#{window_width}x#{window_height}'
S='#{window_width}x#{window_height}'
$T -f /dev/null new -d -s a -x 80 -y 24 'sleep 1000'
$T neww -d -t a 'sleep 1000'
$T new -d -s b -t a
$T set -g window-size smallest
$T set -g aggressive-resize on
mkfifo "$COMPAT_TMP/k1" "$COMPAT_TMP/k2"
script -qfec "stty cols 100 rows 31; $T attach -t a" /dev/null <"$COMPAT_TMP/k1" >/dev/null 2>&1 &
exec 3>"$COMPAT_TMP/k1"
wait_format a:0 "$S" 100x30
script -qfec "stty cols 70 rows 21; $T attach -t b" /dev/null <"$COMPAT_TMP/k2" >/dev/null 2>&1 &
exec 4>"$COMPAT_TMP/k2"
wait_format a:0 "$S" 70x20
echo "both on 0: $($T lsw -t a -F "$F" | tr '\n' ' ')"
$T selectw -t b:1
wait_format a:1 "$S" 70x20
wait_format a:0 "$S" 100x30
echo "b on 1: $($T lsw -t a -F "$F" | tr '\n' ' ')"
$T selectw -t a:1
wait_format a:1 "$S" 70x20
echo "both on 1: $($T lsw -t a -F "$F" | tr '\n' ' ')"
$T selectw -t b:0
wait_format a:0 "$S" 70x20
echo "b on 0, a on 1: $($T lsw -t a -F "$F" | tr '\n' ' ')"
$T set -g aggressive-resize off
wait_format a:1 "$S" 70x20
echo "off: $($T lsw -t a -F "$F" | tr '\n' ' ')"
exec 3>&- 4>&-
