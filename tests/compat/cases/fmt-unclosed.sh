# An unclosed #{ or #( ends the expansion.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main 'a#{session_name'
$T display -p -t main '#S #{?window_active,#{x'
$T display -p -t main '#{'
$T display -p -t main '#[fg=red'
$T display -p -t main '}]'
$T display -p -t main '#x #( #'
$T display -p -t main '#{session_name}#{'
