# Run a command in a pane by name and read its output back.
. "$COMPAT_LIB"
$T new -d -s x cat
$T split-window -d -t x "env PS1='ready> ' sh"
wait_pane x.1 'ready>'
$T send-keys -t x.1 'echo hi-from-$((6*7))' C-m
wait_pane x.1 hi-from-42
$T capture-pane -p -t x.1 | grep -c 'hi-from-42'
