# $ not followed by a name is itself; ${ without } is an error.
. "$COMPAT_LIB"
printf 'display -p $\ndisplay -p $1x\ndisplay -p "$HOME}" \n' > "$COMPAT_TMP/d.conf"
printf 'display -p ${FOO\n' > "$COMPAT_TMP/bad.conf"
$T -f /dev/null new -d
$T source "$COMPAT_TMP/d.conf"
echo "rc=$?"
$T source "$COMPAT_TMP/bad.conf"
echo "rc=$?"
