# m: matches shell patterns, m/i ignoring case.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{m:*a*,bab}#{m:A*,abc}#{m/i:A*,abc}#{m:,}#{m:*,}'
$T display -p -t main '#{m:*#{session_name}*,xmainx}'
$T display -p -t main '#{m:m?in,#{session_name}}#{m:[a-m]*,main}'
