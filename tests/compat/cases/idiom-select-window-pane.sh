# Select a window and a pane by target, then ask where we are.
. "$COMPAT_LIB"
$T new -d -s x cat
$T new-window -d -t x cat
$T split-window -d -t x:1 cat
$T select-window -t x:1
$T select-pane -t x:1.1
$T display -p -t x '#I.#P'
$T select-pane -t x:1.0
$T display -p -t x '#{window_index}.#{pane_index} #{pane_active}'
