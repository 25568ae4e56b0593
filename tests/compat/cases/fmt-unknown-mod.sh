# Unknown modifiers make the whole key a name looked up (empty); a bad =N is no limit.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '[#{z:session_name}]'
$T display -p -t main '[#{=abc:session_name}]'
$T display -p -t main '[#{y;z:session_name}]'
$T display -p -t main '[#{Q:#{session_name}}]'
