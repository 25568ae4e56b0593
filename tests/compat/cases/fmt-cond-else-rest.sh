# tmux 3.3a has no conditional chains: the else branch is the rest.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{?nonexist,a,session_name,b,c}'
$T display -p -t main '#{?nonexist,a,nonexist,b}'
$T display -p -t main '#{?session_name,a#,b,c}'
$T display -p -t main '[#{?,,}]'
