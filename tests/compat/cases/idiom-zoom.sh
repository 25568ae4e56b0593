# Zoom toggling and the flag status lines show.
. "$COMPAT_LIB"
$T new -d -s x cat
$T split-window -t x cat
$T display -p -t x '#{window_zoomed_flag}'
$T resize-pane -Z -t x
$T display -p -t x '#{window_zoomed_flag} #F'
$T resize-pane -Z -t x
$T display -p -t x '#{window_zoomed_flag}'
