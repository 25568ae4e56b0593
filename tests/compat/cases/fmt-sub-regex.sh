# s/re/rep/: every match of an extended regex.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{s/a/X/:#{l:banana}}'
$T display -p -t main '#{s/a/X/:session_name}'
$T display -p -t main '#{s/\./_/:#{l:a.b.c}}'
$T display -p -t main '#{s/./-/:#{l:a.b}}'
$T display -p -t main '#{s|a|X|:#{l:banana}}'
$T display -p -t main '#{s/a/X:#{l:banana}}'
