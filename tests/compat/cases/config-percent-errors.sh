# %if without %endif, a lone %else, an unknown %word: syntax errors.
. "$COMPAT_LIB"
printf 'display -p a\n%%if 1\n' > "$COMPAT_TMP/a.conf"
printf '%%else\n' > "$COMPAT_TMP/b.conf"
printf '%%bogus\n' > "$COMPAT_TMP/c.conf"
printf 'display -p %%\n' > "$COMPAT_TMP/d.conf"
printf '%%1\n' > "$COMPAT_TMP/e.conf"
$T -f /dev/null new -d
for f in a b c d e; do
    $T source "$COMPAT_TMP/$f.conf"
    echo "rc=$?"
done
