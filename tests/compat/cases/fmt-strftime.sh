# display-message passes the format through strftime first.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{==:%Y,#{T:#{l:%%Y}}}'
$T display -p -t main '100%%'
$T display -p -t main '#{==:%H,%H}'
$T display -p -t main '#{s/%%/X/:#{l:a%%%%b}}'
