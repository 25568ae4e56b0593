# Quotes in a config: single quotes keep everything, double quotes allow escapes,
# pieces join into one word.
. "$COMPAT_LIB"
cat > "$COMPAT_TMP/q.conf" <<'CONF'
display -p 'single $HOME \t'
display -p "double \"q\" \\ back"
display -p a"b"'c'd
display -p "it's"
display -p 'say "hi"'
display -p ''
display -p a\ b
CONF
$T -f /dev/null new -d
$T source "$COMPAT_TMP/q.conf"
echo "rc=$?"
