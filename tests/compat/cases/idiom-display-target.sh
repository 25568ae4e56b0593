# display -p with a target, as status scripts use it.
. "$COMPAT_LIB"
$T new -d -s x -n one cat
$T new-window -d -t x -n two cat
$T display -p -t x:1 '#{window_name} #{window_index}'
$T display -p -t x:one '#{window_name}'
$T display -p -t nope '#S'
echo "rc=$?"
