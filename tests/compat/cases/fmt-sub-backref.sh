# s/// replacements with \N groups.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{s/(a)(n)/[\2\1]/:#{l:banana}}'
$T display -p -t main '#{s/a/\0\0/:#{l:cat}}'
$T display -p -t main '#{s/a/\\/:#{l:cat}}'
$T display -p -t main '#{s/(m)(a)(i)/\3\2\1/:session_name}'
