# window_activity (a time, set when the window is made and on output) and command.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 "echo hello; sleep 1000"
wait_pane main hello
$T display -p -t main '#{e|<=|:#{e|-|:#{window_activity},#{session_created}},2}'
$T display -p -t main '#{!=:#{t:window_activity},}'
$T display -p -t main '#{command}'
