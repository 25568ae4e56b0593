# W: loops over the session's windows; a second format for the current one.
. "$COMPAT_LIB"
$T new -d -s main -n first -x 80 -y 24 'sleep 1000'
$T new-window -d -t main -n second 'sleep 1000'
$T new -d -s other -x 80 -y 24 'sleep 1000'
$T split-window -d -t other 'sleep 1000'
$T display -p -t main '#{W:#{window_index} }'
$T display -p -t main '#{W:#{window_index},*#{window_index}}'
$T display -p -t main '#{W:#{window_name}/#{window_active} }'
$T display -p -t main '#{W:#{window_index},a,b}'
$T display -p -t other '#{W:#{window_index}:#{window_panes} }'
