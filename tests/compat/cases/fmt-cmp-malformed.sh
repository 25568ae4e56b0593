# A comparison with one operand ends the expansion.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '[#{==:a}]'
$T display -p -t main 'x#{&&:1}y'
