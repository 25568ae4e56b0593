# { } blocks as if-shell's branches.
. "$COMPAT_LIB"
cat > "$COMPAT_TMP/b.conf" <<'CONF'
if -F 1 { display -p a ; display -p b } { display -p c }
if -F 0 { display -p a } { display -p c; display -p d }
CONF
$T -f /dev/null new -d
$T source "$COMPAT_TMP/b.conf"
echo "rc=$?"
