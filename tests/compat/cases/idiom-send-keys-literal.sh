# Type text literally (semicolons, key names) into a pane.
. "$COMPAT_LIB"
$T new -d -s x cat
$T send-keys -t x -l 'a;b Enter C-m'
$T send-keys -t x Enter
# The echoed line, then cat's copy of it: the cursor two lines down.
wait_format x '#{cursor_y}' 2
$T capture-pane -p -t x | grep -v '^$'
