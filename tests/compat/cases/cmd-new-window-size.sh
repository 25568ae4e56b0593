# The size of a window new-window makes: with window-size latest, that of tmux's current
# client (even one showing another session); with no client at all, the session's
# default-size (set by new -x/-y, by set default-size, or the global one), not the size
# the session had while a client was attached.
. "$COMPAT_LIB"
F='#{window_width}x#{window_height}'
$T -f /dev/null new -d -s a 'sleep 1000'
$T new -d -s b -x 90 -y 20 'sleep 1000'
mkfifo "$COMPAT_TMP/k1"
script -qfec "stty cols 100 rows 30; $T attach -t a" /dev/null <"$COMPAT_TMP/k1" >/dev/null 2>&1 &
exec 3>"$COMPAT_TMP/k1"
wait_format a:0 "$F" 100x29
$T neww -d -t a 'sleep 1000'; echo "attached neww: $($T display -p -t a:1 "$F")"
$T neww -d -t b 'sleep 1000'; echo "b neww: $($T display -p -t b:1 "$F")"
$T detach -s a
start=$(date +%s); until [ -z "$($T lsc)" ] || waited_enough "$start"; do sleep 0.05; done
$T neww -d -t a 'sleep 1000'; echo "detached neww: $($T display -p -t a:2 "$F")"
$T splitw -d -t a:0 'sleep 1000'; echo "detached splitw: $($T display -p -t a:0 "$F")"
$T set -t b default-size 70x15
$T neww -d -t b 'sleep 1000'; echo "b neww after default-size: $($T display -p -t b:2 "$F")"
$T set -g default-size 60x14
$T neww -d -t a 'sleep 1000'; echo "a neww after global default-size: $($T display -p -t a:3 "$F")"
$T lsw -a -F "#{session_name}:#{window_index} $F"
exec 3>&-
