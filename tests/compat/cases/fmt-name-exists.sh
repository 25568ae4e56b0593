# N/s: and N/w: tell whether a session or a window has a name.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T new-window -d -t main -n second 'sleep 1000'
$T display -p -t main '#{N/s:main}#{N/s:nope}'
$T display -p -t main '#{N/w:second}#{N/w:nope}'
$T display -p -t main '#{N:second}'
$T display -p -t main '#{N/s:#{session_name}}'
