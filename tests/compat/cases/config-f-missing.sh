# -f with a file that does not exist: the server still starts.
. "$COMPAT_LIB"
$T -f "$COMPAT_TMP/nope.conf" start \; set -s exit-empty off
echo "rc=$?"
$T ls
echo "ls rc=$?"
