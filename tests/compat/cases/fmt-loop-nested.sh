# Loops inside loops and inside conditionals.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T new-window -d -t main -n second 'sleep 1000'
$T new -d -s other -x 80 -y 24 'sleep 1000'
$T split-window -d -t other 'sleep 1000'
$T display -p -t main '#{S:#{W:#{session_name}#{window_index} }}'
$T display -p -t main '#{S:#{session_name}(#{W:#{P:#{pane_index}}})}'
$T display -p -t main '#{?#{S:x},y,n}'
$T display -p -t main '#{n:#{S:#{session_name}}}'
