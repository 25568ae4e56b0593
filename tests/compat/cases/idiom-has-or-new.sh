# The start of most session scripts: make the session only when it is not there.
. "$COMPAT_LIB"
$T has -t =x 2>/dev/null || $T new -d -s x
$T has -t =x 2>/dev/null || $T new -d -s x
echo "rc=$?"
$T ls -F '#{session_name}'
