# Backslash escapes outside single quotes: \e \t \n \s \a \b \f \v \r and others as
# themselves.
. "$COMPAT_LIB"
cat > "$COMPAT_TMP/e.conf" <<'CONF'
display -p "[\e][\t][\s][\a][\b][\f][\v][\r]"
display -p \q\8\z
display -p "x\ny"
CONF
$T -f /dev/null new -d
$T source "$COMPAT_TMP/e.conf" | od -c
echo "rc=$?"
