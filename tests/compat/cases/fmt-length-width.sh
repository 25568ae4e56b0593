# n: is bytes, w: columns.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{n:session_name} #{w:session_name}'
$T display -p -t main '#{n:#{l:日本}} #{w:#{l:日本}}'
$T display -p -t main '#{w:#{l:a#[fg=red]b}} #{n:#{l:a#[fg=red]b}}'
$T display -p -t main '#{w:#{l:##ab}} #{n:#{l:##ab}}'
$T display -p -t main '#{n:no_such}'
