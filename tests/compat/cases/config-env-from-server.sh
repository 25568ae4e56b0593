# $VAR reads the server's environment (the one it started with).
. "$COMPAT_LIB"
cat > "$COMPAT_TMP/v.conf" <<'CONF'
display -p "lang=$LANG"
display -p "tz=${TZ}"
CONF
$T -f /dev/null new -d
$T source "$COMPAT_TMP/v.conf"
echo "rc=$?"
