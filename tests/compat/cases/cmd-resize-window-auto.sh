# resize-window -A/-a: the largest/smallest attached client showing the window, in any
# session; with none, the session's default-size (which new-session -x/-y set); -L -R -U
# -D: only the first given.
. "$COMPAT_LIB"
F='#{window_width}x#{window_height}'
$T -f /dev/null new -d -s a -x 100 -y 30 'sleep 1000'
$T new -d -s b -x 90 'sleep 1000'
$T new -d -s c 'sleep 1000'
for s in a b c; do echo "$s: $($T show -t $s default-size)"; done
$T resizew -t a -x 50 -y 10; $T resizew -t a -A; echo "a -A: $($T display -p -t a "$F")"
$T set -t a default-size 70x20
$T resizew -t a -a; echo "a -a, default-size 70x20: $($T display -p -t a "$F")"
$T resizew -t a -x 40 -y 10 -L -U 5; echo "-L -U 5: $($T display -p -t a "$F")"
$T resizew -t a -D -R 3; echo "-D -R 3: $($T display -p -t a "$F")"
# A client of b at 100x30 (status on: 100x29), then a's window linked into b.
mkfifo "$COMPAT_TMP/k1"
script -qfec "stty cols 100 rows 30; $T attach -t b" /dev/null <"$COMPAT_TMP/k1" >/dev/null 2>&1 &
exec 3>"$COMPAT_TMP/k1"
wait_format b:0 "$F" 100x29
$T neww -d -t a 'sleep 1000'
$T resizew -t a:1 -x 40 -y 12; $T resizew -t a:1 -A; echo "a:1 -A, b's client not showing it: $($T display -p -t a:1 "$F")"
$T link-window -d -s a:1 -t b:5
$T resizew -t a:1 -x 40 -y 12; $T resizew -t a:1 -A; echo "a:1 -A, linked into b: $($T display -p -t a:1 "$F")"
$T resizew -t b:0 -x 40 -y 12; $T resizew -t b:0 -a; echo "b:0 -a: $($T display -p -t b:0 "$F")"
$T detach -s b
start=$(date +%s); until [ -z "$($T lsc)" ] || waited_enough "$start"; do sleep 0.05; done
$T resizew -t b:0 -A; echo "b:0 -A, client gone: $($T display -p -t b:0 "$F")"
$T resizew -t c -x 30 -y 9; $T resizew -t c -A; echo "c -A: $($T display -p -t c "$F")"
exec 3>&-
