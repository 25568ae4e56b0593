# $VAR and ~ in a source-file path inside a config.
. "$COMPAT_LIB"
printf 'display -p included\n' > "$HOME/inc.conf"
printf 'source ~/inc.conf\nsource "$HOME/inc.conf"\nD=%s\nsource $D/x.conf\n' "$COMPAT_TMP" > "$COMPAT_TMP/a.conf"
printf 'display -p x\n' > "$COMPAT_TMP/x.conf"
$T -f /dev/null new -d
$T source "$COMPAT_TMP/a.conf"
echo "rc=$?"
