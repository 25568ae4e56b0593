# Clipboard helpers: load a buffer from stdin, save it to stdout and to a file.
. "$COMPAT_LIB"
$T new -d -s x cat
printf 'line one\nline two\n' | $T load-buffer -
echo "rc=$?"
$T save-buffer -
printf 'named\n' > "$COMPAT_TMP/in"
$T load-buffer -b named "$COMPAT_TMP/in"
$T save-buffer -b named "$COMPAT_TMP/out"
cat "$COMPAT_TMP/out"
