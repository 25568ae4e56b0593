# An unknown command fails the whole file (it is checked before anything runs).
. "$COMPAT_LIB"
printf 'display -p a\nbogus\ndisplay -p c\n' > "$COMPAT_TMP/u.conf"
printf 'display -p a\ndisplay -p a b\n' > "$COMPAT_TMP/n.conf"
$T -f /dev/null new -d
$T source "$COMPAT_TMP/u.conf"
echo "rc=$?"
$T source "$COMPAT_TMP/n.conf"
echo "rc=$?"
