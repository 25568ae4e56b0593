# Other pane variables.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T display -p -t main '#{pane_fg} #{pane_bg} #{pane_format} #{pane_input_off} #{pane_last} #{pane_marked} #{pane_marked_set}'
$T display -p -t main '#{pane_synchronized} #{pane_tabs}'
$T display -p -t main '#{scroll_region_upper} #{scroll_region_lower}'
$T display -p -t main '#{pane_start_command}'
$T display -p -t main '#{alternate_saved_x} #{alternate_saved_y}'
