# Unbalanced braces are syntax errors at the line tmux names; a block where a string is
# wanted is an error too. Nothing of the file runs.
. "$COMPAT_LIB"
printf 'display -p a\ndisplay -p {\n' > "$COMPAT_TMP/open.conf"
printf 'display -p a\ndisplay -p b }\n' > "$COMPAT_TMP/close.conf"
printf 'display -p a\ndisplay -p { display -p x }\n' > "$COMPAT_TMP/string.conf"
$T -f /dev/null new -d
for f in open close string; do
    $T source "$COMPAT_TMP/$f.conf"
    echo "rc=$?"
done
