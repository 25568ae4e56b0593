# #() from display -p: a new client each time, so nothing yet, as tmux.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main 'a#(echo hi)b'
$T display -p -t main '#(exit 1)x#(printf abc)'
$T display -p -t main '#(echo (a))'
