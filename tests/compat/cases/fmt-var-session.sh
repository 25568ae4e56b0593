# Session variables.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T new-window -d -t main -n second 'sleep 1000'
$T display -p -t main '#{active_window_index} #{last_window_index} #{session_stack} #{session_grouped} #{session_marked}'
$T display -p -t main '#{session_format} #{window_format} [#{session_alerts}] [#{session_attached_list}]'
$T display -p -t main '#{S:#{session_format}#{window_format}#{pane_format}}#{W:#{window_format}}#{P:#{pane_format}}'
