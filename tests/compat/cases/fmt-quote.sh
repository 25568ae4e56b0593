# q: escapes shell characters in a value; q/h: doubles #.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T set-environment -t main QV 'a b$c;d"e'"'"'f|g*h?i[j#k=l%m~n{o}p!q'
$T set-environment -t main QH 'x#y##z'
$T display -p -t main '#{q:QV}'
$T display -p -t main '#{q:session_name}'
$T display -p -t main '#{q:#{l:a b}}'
$T display -p -t main '#{q/h:QH}'
$T display -p -t main '#{q/h:#{l:a#b}}'
$T display -p -t main '#{q:pane_start_command}'
