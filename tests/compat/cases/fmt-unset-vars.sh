# b: and d: apply to a variable that is set: tmux leaves some unset where they have no
# value (pane_mode out of a mode, the session_group ones out of a group, pane_dead_* of
# a live pane, a client's without one), and those give nothing; a set empty value
# (a user option) gives basename's and dirname's ".".
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T set -g @empty ''
$T display -p -t main '[#{b:pane_mode}][#{d:pane_mode}][#{b:session_group}][#{d:session_group_size}]'
$T display -p -t main '[#{b:session_group_list}][#{b:session_group_attached}][#{b:session_group_many_attached}]'
$T display -p -t main '[#{b:pane_dead_status}][#{d:pane_dead_signal}][#{b:pane_dead_time}][#{b:client_name}]'
$T display -p -t main '[#{b:@empty}][#{d:@empty}][#{b:pane_mode}#{?pane_mode,y,n}]'
$T new -d -s grouped -t main
$T display -p -t main '[#{b:session_group}][#{b:session_group_size}][#{d:session_group_list}]'
$T copy-mode -t main
$T display -p -t main '[#{b:pane_mode}]'
