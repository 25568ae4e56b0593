# String comparisons == != < > <= >=.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{==:a,b}#{==:a,a}#{!=:a,b}#{!=:a,a}'
$T display -p -t main '#{<:a,b}#{<:b,a}#{>:a,b}#{>:b,a}'
$T display -p -t main '#{<=:a,a}#{<=:b,a}#{>=:b,a}#{>=:a,b}'
$T display -p -t main '#{==:#{session_name},main}'
$T display -p -t main '#{==:,}'
$T display -p -t main '#{==:a,b,c}#{==:b,c,b,c}'
