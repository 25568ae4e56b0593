# With exit-empty on (the default) and no session, the server goes once start is done.
. "$COMPAT_LIB"
$T -f /dev/null start
echo "rc=$?"
i=0
while [ $i -lt 100 ] && $T ls >/dev/null 2>&1; do
    sleep 0.05
    i=$((i + 1))
done
$T ls >/dev/null 2>&1 || echo gone
