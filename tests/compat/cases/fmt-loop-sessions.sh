# S: loops over every session, sorted by name.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T new-window -d -t main -n second 'sleep 1000'
$T new -d -s other -x 80 -y 24 'sleep 1000'
$T split-window -d -t other 'sleep 1000'
$T new -d -s aaa 'sleep 1000'
$T display -p -t main '#{S:#{session_name},}'
$T display -p -t main '#{S:[#{session_name}:#{session_windows}]}'
$T display -p -t main '#{S:}'
$T display -p -t main '#{S:#{session_name} ,[#{session_name}] }'
