# In a file, if-shell and run-shell finish before the next line runs.
. "$COMPAT_LIB"
cat > "$COMPAT_TMP/o.conf" <<'CONF'
if 'sleep 0.2; true' 'display -p one'
display -p two
run 'sleep 0.2'
if 'false' 'display -p no' 'display -p three'
display -p four
CONF
$T -f /dev/null new -d
$T source "$COMPAT_TMP/o.conf"
echo "rc=$?"
