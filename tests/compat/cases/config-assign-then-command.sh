# An assignment may come before a command on the same line.
. "$COMPAT_LIB"
cat > "$COMPAT_TMP/a.conf" <<'CONF'
X=first display -p $X
Y=1 ; display -p "y=$Y"
CONF
$T -f /dev/null new -d
$T source "$COMPAT_TMP/a.conf"
echo "rc=$?"
