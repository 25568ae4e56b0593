# Restart the program of a pane (dev servers).
. "$COMPAT_LIB"
$T new -d -s x 'echo first; exec cat'
wait_pane x first
$T respawn-pane -t x 'echo second; exec cat'
echo "rc=$?"
$T respawn-pane -k -t x 'echo third; exec cat'
echo "rc=$?"
wait_pane x third
$T capture-pane -p -t x | grep -v '^$'
