# The clients' hooks: client-session-changed and client-attached at attach (then
# client-resized once its terminal's size is known, after the window took it:
# window-layout-changed, window-resized); client-active when a key comes from a client
# that was not its window's latest; client-session-changed alone on switch-client;
# client-detached when its session is killed. They see #{hook_client} and no other hook_*;
# a command run by a hook sees tmux's current client (#{client_name}).
. "$COMPAT_LIB"
$T -f /dev/null new -d -s a -x 80 -y 24 'cat'
$T new -d -s b -x 80 -y 24 'sleep 1000'
for h in client-active client-resized client-session-changed client-attached client-detached \
         window-layout-changed window-resized; do
    $T set-hook -g $h "set -gaF @log '$h(#{?#{==:#{hook_client},#{client_name}},C,#{hook_client}}#{hook_session}#{hook_window}#{hook_pane}) '"
done
# wait_log N: until @log holds N hooks (10 s at most), then print it and clear it.
wait_log() {
    start=$(date +%s)
    until [ "$("$T" show -gv @log 2>/dev/null | wc -w)" -ge "$2" ] || waited_enough "$start"; do
        sleep 0.05
    done
    echo "$1: $("$T" show -gv @log 2>/dev/null)" | sed "s#/dev/pts/[0-9]*#PTS#g"
    "$T" set -gu @log
}
mkfifo "$COMPAT_TMP/k1" "$COMPAT_TMP/k2"
script -qfec "stty cols 80 rows 24; $T attach -t a" /dev/null <"$COMPAT_TMP/k1" >/dev/null 2>&1 &
exec 3>"$COMPAT_TMP/k1"
wait_log attach 5
script -qfec "stty cols 80 rows 24; $T attach -t a" /dev/null <"$COMPAT_TMP/k2" >/dev/null 2>&1 &
exec 4>"$COMPAT_TMP/k2"
wait_log attach-second 3
wait_clients_raw
# Keys go to cat in the pane: its echo says they arrived (and the hooks they fired ran).
printf x >&3
printf x >&3
wait_pane a:0 xx
wait_log key-first-twice 1
printf y >&4
wait_pane a:0 xxy
wait_log key-second 1
printf z >&3
wait_pane a:0 xxyz
wait_log key-first-again 1
C1=$($T lsc -t a -F '#{client_activity} #{client_name}' | sort -n | tail -1 | cut -d' ' -f2)
$T switchc -c "$C1" -t b
wait_log switch 3
$T kill-session -t b
# (tmux 3.3a also fires a client-active here for the client that stays if the gone one
# was the latest of its window, as tmx; C1 is picked by #{client_activity}, in seconds,
# so not always the one that typed last: only the detach is compared.)
start=$(date +%s)
until "$T" show -gv @log 2>/dev/null | grep -q client-detached || waited_enough "$start"; do
    sleep 0.05
done
echo "kill: $("$T" show -gv @log | tr ' ' '\n' | grep client-detached | sed "s#/dev/pts/[0-9]*#PTS#g")"
"$T" set -gu @log
$T lsc -F '#{session_name}'
$T detach -s a
wait_log detach 1
exec 3>&- 4>&-
