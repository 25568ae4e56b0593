# e| comparisons of numbers.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{e|==|:1,1}#{e|!=|:1,1}#{e|<|:1,2}#{e|>|:1,2}#{e|<=|:2,2}#{e|>=|:1,2}'
$T display -p -t main '#{e|==|:02,2} #{e|<=|f|2:1.5,1.5}'
$T display -p -t main '#{e|<|:9,10}'
