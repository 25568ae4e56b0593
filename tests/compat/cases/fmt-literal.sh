# l: gives the text itself.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{l:#{session_name}}'
$T display -p -t main '#{l:a,b}'
$T display -p -t main '#{l:session_name}'
$T display -p -t main '#{E:#{l:#{session_name}}}'
