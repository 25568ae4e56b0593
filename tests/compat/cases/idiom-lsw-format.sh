# Window listings: a format and the default one.
. "$COMPAT_LIB"
$T new -d -s x -n one -x 80 -y 24 cat
$T new-window -t x -n two cat
$T lsw -t x -F '#{window_index}:#{window_name}:#{window_active}:#{window_panes}'
$T lsw -t x
