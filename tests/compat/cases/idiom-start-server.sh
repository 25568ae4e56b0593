# start-server with no session: the server goes by itself (exit-empty), then ls finds none.
. "$COMPAT_LIB"
$T start-server
echo "rc=$?"
i=0
while ! $T ls 2>&1 | grep -q 'no server running' && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
$T ls 2>"$COMPAT_TMP/err"
echo "ls rc=$?"
sed -E 's/(tmux|tmx)-[0-9]+/SOCKDIR/' "$COMPAT_TMP/err" >&2
