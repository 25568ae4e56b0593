# =/N/marker adds a marker where text was cut.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{=/3/...:session_name}'
$T display -p -t main '#{=/-3/...:session_name}'
$T display -p -t main '#{=/10/...:session_name}'
$T display -p -t main '#{=/0/...:session_name}'
$T display -p -t main '#{=/2/:session_name}|#{=/2:session_name}'
$T display -p -t main '#{=/3/#{session_name}:#{l:abcdef}}'
