# e|op|: integer arithmetic.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{e|+|:1,2} #{e|-|:1,2} #{e|*|:3,4} #{e|/|:7,2} #{e|%|:7,3} #{e|m|:7,3}'
$T display -p -t main '#{e|/|:-7,2} #{e|%|:-7,3} #{e|+|:-3,1} #{e|+|:1.9,1.9}'
$T display -p -t main '#{e|+|:#{window_index},1}'
$T display -p -t main '#{e|+|:0x10,1} #{e|+|:  3,1}'
