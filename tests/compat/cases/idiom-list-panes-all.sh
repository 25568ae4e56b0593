# Status scripts and pickers: every pane of every session.
. "$COMPAT_LIB"
$T new -d -s b cat
$T new -d -s a cat
$T split-window -d -t a cat
$T new-window -d -t b cat
$T list-panes -a -F '#{session_name}:#{window_index}.#{pane_index} #{pane_active} #{pane_width}'
