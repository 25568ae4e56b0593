# =N and =-N keep the first or last columns.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{=3:session_name}|#{=-3:session_name}'
$T display -p -t main '#{=10:session_name}|#{=0:session_name}|#{=x:session_name}|#{=:session_name}'
$T display -p -t main '#{=3:#{session_name}-x}'
