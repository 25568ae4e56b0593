# source-file paths are globs, sourced in order.
. "$COMPAT_LIB"
mkdir "$COMPAT_TMP/conf.d"
printf 'display -p from-b\n' > "$COMPAT_TMP/conf.d/b.conf"
printf 'display -p from-a\n' > "$COMPAT_TMP/conf.d/a.conf"
printf 'display -p not-me\n' > "$COMPAT_TMP/conf.d/c.txt"
$T -f /dev/null new -d
$T source "$COMPAT_TMP/conf.d/*.conf" \; display -p after
echo "rc=$?"
