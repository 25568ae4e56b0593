# || and && read truth as tmux does.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{||:0,}#{||:0,1}#{||:,}#{||:x,0}'
$T display -p -t main '#{&&:1,1}#{&&:1,0}#{&&:,1}#{&&:a,b}'
$T display -p -t main '#{&&:#{pane_active},#{window_active}}'
$T display -p -t main '#{||:#{pane_dead},#{window_active}}'
