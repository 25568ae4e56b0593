# Log a pane's output to a file.
. "$COMPAT_LIB"
$T new -d -s x "env PS1='ready> ' sh"
wait_pane x 'ready>'
$T pipe-pane -t x "cat >> $COMPAT_TMP/log"
$T display -p -t x '#{pane_pipe}'
$T send-keys -t x 'echo logged-$((2*3))' Enter
i=0
while ! grep -q 'logged-6' "$COMPAT_TMP/log" 2>/dev/null && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
$T pipe-pane -t x
$T display -p -t x '#{pane_pipe}'
grep -c 'logged-6' "$COMPAT_TMP/log"
