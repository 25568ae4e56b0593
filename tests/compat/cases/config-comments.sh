# '#' at the start of a word begins a comment; inside a word it is itself.
. "$COMPAT_LIB"
cat > "$COMPAT_TMP/c.conf" <<'CONF'
# a comment line
   # an indented one
display -p a # trailing comment
display -p b#c
display -p "#d"
CONF
$T -f /dev/null new -d
$T source "$COMPAT_TMP/c.conf"
echo "rc=$?"
