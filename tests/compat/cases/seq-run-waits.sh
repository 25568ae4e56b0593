# The command after run-shell runs once the shell command is done.
. "$COMPAT_LIB"
$T -f /dev/null new -d
$T run "sleep 0.3; touch '$COMPAT_TMP/flag'" \; if "test -f '$COMPAT_TMP/flag'" 'display -p yes' 'display -p no'
echo "rc=$?"
