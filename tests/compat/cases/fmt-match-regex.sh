# m/r: and m/ri: use extended regular expressions.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{m/r:^a.c$,abc}#{m/ri:^A.C$,abc}#{m/r:^A.C$,abc}'
$T display -p -t main '#{m/r:^a(,abc}'
$T display -p -t main '#{m/r:ma|xy,#{session_name}}#{m/r:^(ma)+in$,mamain}'
