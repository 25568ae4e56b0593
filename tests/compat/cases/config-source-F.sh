# source-file -F expands the path as a format first.
. "$COMPAT_LIB"
printf 'display -p for-work\n' > "$COMPAT_TMP/work.conf"
$T -f /dev/null new -d -s work
$T source -F "$COMPAT_TMP/#{session_name}.conf"
echo "rc=$?"
$T source -F "$COMPAT_TMP/#{session_name}x.conf"
echo "rc=$?"
