# Nested conditionals and conditions built from comparisons.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T new-window -d -t main -n second 'sleep 1000'
$T display -p -t main '#{?window_active,#{?pane_dead,dead,alive},inactive}'
$T display -p -t main '#{?#{&&:#{window_active},#{==:#S,main}},both,not}'
$T display -p -t main '#{?window_active,#{?window_active,#{?window_active,x,y},y},y}'
$T display -p -t main '#{?pane_dead,a,b#}c}'
