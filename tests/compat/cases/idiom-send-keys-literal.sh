# Type text literally (semicolons, key names) into a pane.
. "$COMPAT_LIB"
$T new -d -s x cat
$T send-keys -t x -l 'a;b Enter C-m'
$T send-keys -t x Enter
wait_pane x 'a;b Enter C-m'
$T capture-pane -p -t x | grep -v '^$'
