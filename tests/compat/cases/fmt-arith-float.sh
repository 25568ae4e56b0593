# e|op|f|N: floating point with a precision.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{e|*|f|2:1.5,3} #{e|/|f|4:10,3} #{e|/|f:10,3}'
$T display -p -t main '#{e|%|f|2:7.5,2} #{e|+|f|1:1e2,1}'
$T display -p -t main '#{e|+||3:1,2} #{e|-|f|0:5,2.5}'
