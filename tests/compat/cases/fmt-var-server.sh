# Server variables.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T new -d -s two 'sleep 1000'
$T display -p -t main '#{next_session_id}'
$T display -p -t main "#{==:#{uid},$(id -u)}"
$T display -p -t main "#{==:#{user},$(id -un)}"
