# if-shell inside if-shell: each branch runs before what follows it.
. "$COMPAT_LIB"
$T -f /dev/null new -d
$T if true 'if true "display -p inner" ; display -p branch' \; display -p after
echo "rc=$?"
