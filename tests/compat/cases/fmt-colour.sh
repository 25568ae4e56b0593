# c: gives a colour as hex RGB.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{c:red}'
$T display -p -t main '#{c:#ff0000}'
$T display -p -t main '#{c:colour1}'
$T display -p -t main '#{c:colour232}'
$T display -p -t main '#{c:colour196}'
$T display -p -t main '[#{c:default}][#{c:nope}]'
