# A line ending in a backslash continues on the next one.
. "$COMPAT_LIB"
printf 'display -p one\\\ntwo\ndisplay -p \\\n  three\ndisplay -p "four \\\nfive"\n' > "$COMPAT_TMP/c.conf"
$T -f /dev/null new -d
$T source "$COMPAT_TMP/c.conf"
echo "rc=$?"
