# Assignments in a branch not taken do not happen.
. "$COMPAT_LIB"
cat > "$COMPAT_TMP/a.conf" <<'CONF'
V=outer
%if 0
V=inner
%endif
display -p "v=$V"
CONF
$T -f /dev/null new -d
$T source "$COMPAT_TMP/a.conf"
echo "rc=$?"
