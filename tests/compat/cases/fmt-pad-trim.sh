# Padding applies after trimming, whatever the order.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{p10;=2:session_name}|'
$T display -p -t main '#{=2;p10:session_name}|'
$T display -p -t main '#{=/2/..;p-6:session_name}|'
