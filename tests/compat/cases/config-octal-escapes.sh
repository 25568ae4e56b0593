# \NNN is an octal byte (first digit 0-3); anything else after the backslash is an error.
. "$COMPAT_LIB"
printf 'display -p "\\101\\102" \\103\n' > "$COMPAT_TMP/o.conf"
printf 'display -p "\\400"\n' > "$COMPAT_TMP/bad.conf"
printf 'display -p "\\19"\n' > "$COMPAT_TMP/bad2.conf"
$T -f /dev/null new -d
$T source "$COMPAT_TMP/o.conf"
echo "rc=$?"
$T source "$COMPAT_TMP/bad.conf"
echo "rc=$?"
$T source "$COMPAT_TMP/bad2.conf"
echo "rc=$?"
