# Close the gaps in window numbers after killing some.
. "$COMPAT_LIB"
$T new -d -s x -n a cat
$T new-window -d -t x -n b cat
$T new-window -d -t x -n c cat
$T new-window -d -t x -n d cat
$T kill-window -t x:1
$T move-window -r -t x
echo "rc=$?"
$T list-windows -t x -F '#{window_index}:#{window_name}'
