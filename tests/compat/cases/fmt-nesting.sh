# Every construct nested.
. "$COMPAT_LIB"
$T new -d -s main -n shell -x 80 -y 24 'sleep 1000'
$T new-window -d -t main -n second 'sleep 1000'
$T display -p -t main '#{?#{==:#{=2:session_name},ma},#{e|+|:#{window_index},10},no}'
$T display -p -t main '#I:#W#{?window_flags,#{window_flags}, }'
$T display -p -t main '#{=/3/..:#{s/a/A/:#{W:#{window_name}}}}'
