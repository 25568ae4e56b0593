# An unknown command anywhere on the line: nothing of it runs.
. "$COMPAT_LIB"
$T -f /dev/null new -d
$T display -p a \; nosuchcommand \; display -p b
echo "rc=$?"
