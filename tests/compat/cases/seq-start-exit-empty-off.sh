# A config turning exit-empty off keeps the server without sessions.
. "$COMPAT_LIB"
printf 'set -s exit-empty off\n' > "$COMPAT_TMP/keep.conf"
$T -f "$COMPAT_TMP/keep.conf" start
echo "rc=$?"
$T ls
echo "ls rc=$?"
$T kill-server
echo "kill rc=$?"
$T ls >/dev/null 2>&1
echo "after kill rc=$?"
