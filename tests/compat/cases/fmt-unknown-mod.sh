# Unknown modifiers are names looked up (empty); 3.4-only forms.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '[#{z:session_name}]'
$T display -p -t main '[#{=abc:session_name}]'
$T display -p -t main '[#{!:0}][#{!!:5}]'
$T display -p -t main '[#{R:ab,3}]'
$T display -p -t main '[#{L:#{client_name}}]'
$T display -p -t main '[#{S/n:#{session_name},}]'
