# An ambiguous prefix lists what it could be.
. "$COMPAT_LIB"
$T -f /dev/null new -d
$T list-
echo "rc=$?"
