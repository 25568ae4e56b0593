# run-shell: the client exits with the command's status; -b does not wait for it.
. "$COMPAT_LIB"
$T -f /dev/null new -d
$T run 'exit 3'
echo "rc=$?"
$T run -b 'exit 3'
echo "rc=$?"
$T run 'true' \; display -p after
echo "rc=$?"
