# b: and d: apply to a variable's value, not to a nested format.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{b:session_path} #{d:session_path}'
$T display -p -t main '#{b:#{l:/a/b/c}} #{d:#{l:/a/b/c}}'
$T display -p -t main '#{b:HOME} #{d:HOME}'
