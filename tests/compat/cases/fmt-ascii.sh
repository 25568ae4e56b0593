# a: gives the character of an ASCII code.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{a:65}#{a:97}#{a:126}'
$T display -p -t main '[#{a:31}][#{a:127}][#{a:x}]'
$T display -p -t main '#{a:#{e|+|:60,5}}'
