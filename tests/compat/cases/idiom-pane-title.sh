# Name a pane and read the title back.
. "$COMPAT_LIB"
$T new -d -s x cat
$T select-pane -t x -T 'my title'
$T display -p -t x '#{pane_title}'
