# exit-unattached set while no client is attached: the server goes once the client that set
# it has gone, with its sessions and their programs; ls then finds no server.
. "$COMPAT_LIB"
$T new -d -s a 'sleep 100' \; set -g exit-unattached on
echo "rc=$?"
i=0
while ! $T ls 2>&1 | grep -q 'no server running' && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
$T ls 2>"$COMPAT_TMP/err"
echo "ls rc=$?"
sed -E 's/(tmux|tmx)-[0-9]+/SOCKDIR/' "$COMPAT_TMP/err" >&2
