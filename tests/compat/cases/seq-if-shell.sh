# if-shell picks a branch by the shell command's status; the commands after it wait.
. "$COMPAT_LIB"
$T -f /dev/null new -d
$T if true 'display -p yes' 'display -p no' \; display -p after
$T if false 'display -p yes' 'display -p no' \; display -p after
$T if false 'display -p yes' \; display -p after
echo "rc=$?"
