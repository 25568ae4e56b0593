# run-shell from the command line: with a session its output goes to the pane (view-mode);
# a failing command's status.
. "$COMPAT_LIB"
$T new -d -s x cat
$T run-shell 'echo hello; echo world'
echo "rc=$?"
$T display -p -t x '#{pane_mode}'
$T run-shell 'exit 3'
echo "rc=$?"
