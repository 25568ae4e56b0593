# A conditional without its commas ends the expansion there.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main 'a#{?session_name}b'
$T display -p -t main 'a#{?session_name,yes}b'
$T display -p -t main 'x#{?nonexist,yes}y'
