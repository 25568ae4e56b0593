# Several substitutions, and expanded arguments.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{s/a/X/;s/n/Y/:#{l:banana}}'
$T display -p -t main '#{s/a/#{session_name}/:#{l:a.b}}'
$T display -p -t main '#{s/#{session_name}/X/:#{l:xmainx}}'
