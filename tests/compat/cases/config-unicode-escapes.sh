# \uXXXX and \UXXXXXXXX give UTF-8; a bad one is an error.
. "$COMPAT_LIB"
cat > "$COMPAT_TMP/u.conf" <<'CONF'
display -p "caf\u00e9 \U0001F600 \u2603"
CONF
printf 'display -p "\\u12"\n' > "$COMPAT_TMP/bad.conf"
printf 'display -p \\U0000004z\n' > "$COMPAT_TMP/bad2.conf"
$T -f /dev/null new -d
$T source "$COMPAT_TMP/u.conf"
echo "rc=$?"
$T source "$COMPAT_TMP/bad.conf"
echo "rc=$?"
$T source "$COMPAT_TMP/bad2.conf"
echo "rc=$?"
