# kill-server: the server goes, the client exits 0.
. "$COMPAT_LIB"
$T -f /dev/null new -d
$T kill-server
echo "rc=$?"
$T has >/dev/null 2>&1
echo "has rc=$?"
