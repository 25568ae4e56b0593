# t: a time variable as a date; t/f/ with strftime; t/p short.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{m:??? ??? [ 1-3][0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9] 2[0-9][0-9][0-9],#{t:session_created}}'
$T display -p -t main '#{==:#{t/f/%%Y:session_created},%Y}'
$T display -p -t main '#{m:[0-2][0-9]:[0-5][0-9],#{t/p:session_created}}'
$T display -p -t main '#{m:[0-2][0-9]:[0-5][0-9],#{t/f/%%H#:%%M:session_created}}'
$T display -p -t main '[#{t:window_name}][#{t:pane_dead_time}][#{t:nonexist}]'
$T display -p -t main '#{==:#{t:start_time},#{t:start_time}}'
