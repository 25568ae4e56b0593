# Window variables of the first and last window.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T new-window -d -t main -n second 'sleep 1000'
$T display -p -t main '#{W:#{window_index}:#{window_start_flag}#{window_end_flag}#{window_linked}#{window_linked_sessions}#{window_marked_flag} }'
$T display -p -t main '#{W:#{window_raw_flags}|#{window_flags}|#{window_stack_index} }'
$T display -p -t main '#{window_active_sessions} #{window_active_sessions_list} #{window_linked_sessions_list}'
$T display -p -t main '#{window_visible_layout}'
$T display -p -t main '#{window_cell_width}x#{window_cell_height}'
$T display -p -t main '#{window_active_clients}[#{window_active_clients_list}]'
