# A syntax error anywhere: nothing of the file runs, the error names FILE:LINE.
. "$COMPAT_LIB"
printf 'display -p a\n\n# c\ndisplay -p b }\ndisplay -p c\n' > "$COMPAT_TMP/s.conf"
$T -f /dev/null new -d
$T source "$COMPAT_TMP/s.conf" \; display -p after
echo "rc=$?"
