# A startup config whose run-shell fails: tmux 3.3a shows nothing of it when a client
# attaches later (no view mode, no message).
. "$COMPAT_LIB"
printf '#!/bin/sh\necho from-the-script\nexit 1\n' > "$COMPAT_TMP/s.sh"
chmod +x "$COMPAT_TMP/s.sh"
printf 'run-shell %s/s.sh\nset -g status-left ran\n' "$COMPAT_TMP" > "$COMPAT_TMP/a.conf"
$T -f "$COMPAT_TMP/a.conf" new -d -s a -x 80 -y 24 'sleep 1000'
echo "rc=$?"
$T display -p -t a '#{status-left}'
script -qfec "stty cols 80 rows 24; $T attach -t a" /dev/null </dev/null >/dev/null 2>&1 &
wait_format a '#{session_attached}' 1
$T display -p -t a 'mode=#{pane_in_mode}'
$T capture-pane -p -t a | grep -c 'returned\|from-the-script'
$T detach-client -a
