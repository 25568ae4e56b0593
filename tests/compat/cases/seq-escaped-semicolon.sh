# A word ending in '\;' keeps a literal ';'.
. "$COMPAT_LIB"
$T -f /dev/null new -d
$T display -p 'a\;'
echo "rc=$?"
$T display -p 'a\\;'
echo "rc=$?"
