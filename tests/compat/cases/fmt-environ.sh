# Names not variables nor options come from the environment.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T set-environment -t main FOO bar
$T display -p -t main '#{FOO}'
$T display -p -t main '#{HOME}'
$T display -p -t main '[#{NO_SUCH_VAR_X}]'
$T display -p -t main '#{?FOO,set,unset}'
