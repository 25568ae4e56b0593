# Flag and argument errors name the command, as tmux says them.
. "$COMPAT_LIB"
$T -f /dev/null new -d
$T display -z
echo "rc=$?"
$T if
echo "rc=$?"
$T display -p a b
echo "rc=$?"
$T display -p --x
echo "rc=$?"
