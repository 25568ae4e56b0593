# source-file of a missing file: an error naming it; -q says nothing.
. "$COMPAT_LIB"
$T -f /dev/null new -d
$T source "$COMPAT_TMP/nope.conf" \; display -p after
echo "rc=$?"
$T source -q "$COMPAT_TMP/nope.conf" \; display -p after
echo "rc=$?"
$T source -q "$COMPAT_TMP/nope*.conf"
echo "rc=$?"
$T source "$COMPAT_TMP/nope*.conf"
echo "rc=$?"
