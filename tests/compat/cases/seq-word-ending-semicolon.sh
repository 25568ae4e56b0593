# A word ending in ';' ends its command (the ';' is not part of it).
. "$COMPAT_LIB"
$T -f /dev/null new -d
$T display -p 'x;' display -p y
echo "rc=$?"
