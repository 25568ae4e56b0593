# A block may span lines; %if inside it too.
. "$COMPAT_LIB"
cat > "$COMPAT_TMP/b.conf" <<'CONF'
if -F 1 {
    display -p one
    display -p two
%if 1
    display -p three
%endif
} {
    display -p never
}
display -p after
CONF
$T -f /dev/null new -d
$T source "$COMPAT_TMP/b.conf"
echo "rc=$?"
