# "-" alone is an argument; "--" ends the flags.
. "$COMPAT_LIB"
$T -f /dev/null new -d
$T display -p -
$T display -p -- -x
echo "rc=$?"
