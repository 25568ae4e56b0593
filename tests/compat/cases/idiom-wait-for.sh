# Wait for a command sent to a pane to finish (CI scripts).
. "$COMPAT_LIB"
$T new -d -s x "env PS1='ready> ' sh"
wait_pane x 'ready>'
$T send-keys -t x "echo done-\$((1+1)); $T wait-for -S finished" Enter
$T wait-for finished
echo "rc=$?"
wait_pane x done-2
$T capture-pane -p -t x | grep -c 'done-2'
