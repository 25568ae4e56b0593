# A command that fails when it runs fails its line only: the rest still applies.
. "$COMPAT_LIB"
cat > "$COMPAT_TMP/r.conf" <<'CONF'
display -p a
set -g no-such-option 1 ; display -p skipped
display -p b
CONF
$T -f /dev/null new -d
$T source "$COMPAT_TMP/r.conf"
echo "rc=$?"
