# pN pads after, p-N before.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{p10:session_name}|'
$T display -p -t main '#{p-10:session_name}|'
$T display -p -t main '#{p2:session_name}|'
$T display -p -t main '#{p5:#{l:日本}}|'
$T display -p -t main '#{p-3:#{l:ab}}|'
