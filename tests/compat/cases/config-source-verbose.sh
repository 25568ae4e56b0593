# source-file -v prints each command as parsed, FILE:LINE: first.
. "$COMPAT_LIB"
cat > "$COMPAT_TMP/v.conf" <<'CONF'
set -g status-left "a b"
set -g status-right x ; set -g status-right-length 10
CONF
$T -f /dev/null new -d
$T source -v "$COMPAT_TMP/v.conf"
echo "rc=$?"
$T source -nv "$COMPAT_TMP/v.conf"
echo "rc=$?"
