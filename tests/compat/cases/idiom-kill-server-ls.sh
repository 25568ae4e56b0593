# Kill the server, then ls: the error scripts check and its status.
. "$COMPAT_LIB"
$T new -d -s x cat
$T kill-server
echo "rc=$?"
# The server may still be going away: wait until nothing answers on the socket.
i=0
while ! $T ls 2>&1 | grep -q 'no server running' && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
$T ls 2>"$COMPAT_TMP/err"
echo "ls rc=$?"
sed -E 's/(tmux|tmx)-[0-9]+/SOCKDIR/' "$COMPAT_TMP/err" >&2
