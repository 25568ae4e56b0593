# Every format has the newest paste buffer's buffer_* variables (tmux's format defaults),
# not only list-buffers: display -p, list-windows -F, if-shell -F.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '[#{buffer_name}][#{buffer_size}][#{buffer_sample}]'
$T set-buffer -b first 'one two'
$T set-buffer -b second 'three'
$T display -p -t main '[#{buffer_name}][#{buffer_size}][#{buffer_sample}]'
$T list-windows -t main -F '#{window_index} #{buffer_name}'
$T if -F '#{buffer_name}' 'display -p has' 'display -p none'
$T set-buffer -b first 'again'
$T display -p -t main '#{buffer_name} #{buffer_size}'
$T delete-buffer -b first
$T display -p -t main '#{buffer_name}'
