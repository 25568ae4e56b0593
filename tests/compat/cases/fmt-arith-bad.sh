# e| with something not a number, or an unknown operator, is empty.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '[#{e|+|:a,1}][#{e|+|:1}][#{e|**|:2,3}][#{e|+|:,}]'
$T display -p -t main '[#{e|/|:7,0}][#{e|%|:7,0}]'
$T display -p -t main '[#{e|+|:9223372036854775807,1}]'
