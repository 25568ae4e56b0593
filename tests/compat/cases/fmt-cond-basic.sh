# Conditionals on a variable, a missing name, a literal and a format.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{?session_name,yes,no}'
$T display -p -t main '#{?nonexist,yes,no}'
$T display -p -t main '#{?,yes,no}'
$T display -p -t main '#{?0,yes,no}'
$T display -p -t main '#{?1,yes,no}'
$T display -p -t main '#{?#{==:a,a},yes,no}'
$T display -p -t main '#{?#{==:a,b},yes,no}'
$T display -p -t main '#{?#{session_name},a,b}'
$T display -p -t main '#{?session_name,#{session_name},b}'
