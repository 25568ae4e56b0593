# E: expands an option's value again.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T set -g status-left '[#{session_name}] '
$T display -p -t main '#{E:status-left}'
$T display -p -t main '#{status-left}'
$T display -p -t main '#{E;s/main/X/:status-left}'
$T display -p -t main '#{E:}'
$T display -p -t main '#{E:#{l:##}}'
