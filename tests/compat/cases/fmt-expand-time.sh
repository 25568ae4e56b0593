# T: expands with strftime too.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T set -g status-left '[#{session_name}] '
$T display -p -t main '#{T;=3:status-left}'
$T display -p -t main '#{==:#{T:#{l:%%Y}},%Y}'
$T display -p -t main '#{T:status-left}'
