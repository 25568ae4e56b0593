# A flag that wants a value, given last without one: taken as given, empty.
. "$COMPAT_LIB"
$T -f /dev/null new -d -s only
$T list-windows -F '#{window_index}' -t
echo "rc=$?"
