# A named window for logs at the end of an existing session.
. "$COMPAT_LIB"
$T new -d -s x -n main cat
$T new-window -t x: -n logs -d cat
$T new-window -t x: -n build cat
$T list-windows -t x -F '#{window_index} #{window_name} #{window_active}'
