# Modifiers of tmux 3.4 and later that tmux 3.3a does not know (it prints the key or
# nothing): ! and !! (not), R: (repeat), L: (clients), sorted loops S/W/P with n t i r.
. "$COMPAT_LIB"
$T new -d -s main -n first -x 80 -y 24 'sleep 1000'
$T new-window -d -t main -n second 'sleep 1000'
$T new -d -s other -x 80 -y 24 'sleep 1000'
$T display -p -t main '[#{!:0}][#{!:session_name}][#{!!:session_name}]'
$T display -p -t main '[#{R:ab,3}]'
$T display -p -t main '[#{L:#{client_name}}]'
$T display -p -t main '[#{S/r:#{session_name},}]'
$T display -p -t main '[#{W/n:#{window_name} }][#{W/r:#{window_index} }]'
