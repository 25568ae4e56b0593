# In a config ';' separates commands; '\;' is a literal ';' argument.
. "$COMPAT_LIB"
cat > "$COMPAT_TMP/s.conf" <<'CONF'
display -p a ; display -p b
display -p c;display -p d
display -p e ; ; display -p f
CONF
printf 'display -p a \\; display -p b\n' > "$COMPAT_TMP/bad.conf"
$T -f /dev/null new -d
$T source "$COMPAT_TMP/s.conf"
echo "rc=$?"
$T source "$COMPAT_TMP/bad.conf"
echo "rc=$?"
