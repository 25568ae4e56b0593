# A quoted word may span lines: the newline stays, the next line's indent and comment
# lines inside it go; an unclosed quote runs to the end of the file.
. "$COMPAT_LIB"
printf 'display -p "a\n   # gone\n   b"\n' > "$COMPAT_TMP/q.conf"
printf "display -p 'one\ntwo'\n" > "$COMPAT_TMP/s.conf"
printf 'display -p "open' > "$COMPAT_TMP/open.conf"
$T -f /dev/null new -d
$T source "$COMPAT_TMP/q.conf"
$T source "$COMPAT_TMP/s.conf"
$T source "$COMPAT_TMP/open.conf"
echo "rc=$?"
