# if-shell -F: a branch is itself a command sequence.
. "$COMPAT_LIB"
$T -f /dev/null new -d -s s1
$T if -F '#{==:#{session_name},s1}' 'display -p a; display -p b' 'display -p c'
echo "rc=$?"
$T if -F 0 'display -p a' 'display -p c \; display -p d'
echo "rc=$?"
