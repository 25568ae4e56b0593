# window_flags for a last window.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T new-window -d -t main -n second 'sleep 1000'
$T select-window -t main:1
$T display -p -t main '#{W:#{window_index}#{window_flags} }'
$T display -p -t main '#{W:#{window_stack_index}}'
