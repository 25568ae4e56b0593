# ## #, #} and unknown # sequences.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '##'
$T display -p -t main '#,'
$T display -p -t main '#}'
$T display -p -t main '#x'
$T display -p -t main 'a##b #, #} 100%%'
$T display -p -t main '##{session_name}'
$T display -p -t main '#'
