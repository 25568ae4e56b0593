# A sourced file's commands (and the files it sources) run before what follows.
. "$COMPAT_LIB"
printf 'display -p a1\nsource "%s/b.conf"\ndisplay -p a2\n' "$COMPAT_TMP" > "$COMPAT_TMP/a.conf"
printf 'display -p b1\n' > "$COMPAT_TMP/b.conf"
$T -f /dev/null new -d
$T source "$COMPAT_TMP/a.conf" \; display -p end
echo "rc=$?"
