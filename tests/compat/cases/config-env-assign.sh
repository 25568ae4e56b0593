# NAME=value lines set the global environment; $NAME and ${NAME} expand unquoted and
# in double quotes, not in single quotes; unset is empty.
. "$COMPAT_LIB"
cat > "$COMPAT_TMP/v.conf" <<'CONF'
GREETING=hello
WHO="big world"
display -p $GREETING
display -p "$GREETING, $WHO"
display -p '$GREETING'
display -p ${GREETING}x$GREETING-
display -p "[$NOT_SET_AT_ALL]"
display -p \$GREETING
CONF
$T -f /dev/null new -d
$T source "$COMPAT_TMP/v.conf"
echo "rc=$?"
