# A branch that does not parse fails the if-shell and stops the line.
. "$COMPAT_LIB"
$T -f /dev/null new -d
$T if -F 1 'display -p a; nosuchcommand' \; display -p after
echo "rc=$?"
