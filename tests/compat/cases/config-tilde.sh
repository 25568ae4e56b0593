# ~ at the start of a word (or of a double-quoted part) is $HOME; elsewhere and in single
# quotes it is itself.
. "$COMPAT_LIB"
cat > "$COMPAT_TMP/t.conf" <<'CONF'
display -p ~
display -p ~/sub
display -p "~/quoted"
display -p '~/single'
display -p a~
display -p a\~
display -p x"~"
CONF
$T -f /dev/null new -d
$T source "$COMPAT_TMP/t.conf"
echo "rc=$?"
