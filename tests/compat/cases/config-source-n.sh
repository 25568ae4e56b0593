# source-file -n parses and runs nothing; a parse error is still reported.
. "$COMPAT_LIB"
printf 'display -p a\n' > "$COMPAT_TMP/ok.conf"
printf 'display -p a\nbogus\n' > "$COMPAT_TMP/bad.conf"
$T -f /dev/null new -d
$T source -n "$COMPAT_TMP/ok.conf"
echo "rc=$?"
$T source -n "$COMPAT_TMP/bad.conf"
echo "rc=$?"
