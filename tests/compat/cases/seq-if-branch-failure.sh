# A command failing in an if-shell branch stops the rest of the branch, not the commands
# after the if-shell (the client still exits 1).
. "$COMPAT_LIB"
$T -f /dev/null new -d
$T if -F 1 'set -g no-such-option 1 ; display -p in-branch' \; display -p after
echo "rc=$?"
