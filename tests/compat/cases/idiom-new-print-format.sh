# libtmux: create and learn the new ids in the same call.
. "$COMPAT_LIB"
$T new -d -P -F '#{session_id} #{session_name} #{window_id} #{pane_id}' -s x cat
$T new-window -d -P -F '#{window_id} #{window_index}' -t x cat
$T split-window -d -P -F '#{pane_id} #{pane_index}' -t x:1 cat
$T new-window -d -P -t x cat
