# %hidden NAME=value is usable as $NAME in the config.
. "$COMPAT_LIB"
cat > "$COMPAT_TMP/h.conf" <<'CONF'
%hidden SECRET=s3cret
display -p "[$SECRET]"
CONF
$T -f /dev/null new -d
$T source "$COMPAT_TMP/h.conf"
echo "rc=$?"
