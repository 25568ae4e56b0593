# pane_tabs and scroll_region_* follow what the program set (HTS/TBC, DECSTBM).
. "$COMPAT_LIB"
$T new -d -s main -x 40 -y 20 'sleep 1000'
$T new -d -s set -x 40 -y 20 "printf '\\033[3g\\033[5G\\033H\\033[13G\\033H\\033[3;10rready'; sleep 1000"
wait_pane set ready
$T display -p -t main '#{pane_tabs}|#{scroll_region_upper},#{scroll_region_lower}'
$T display -p -t set '#{pane_tabs}|#{scroll_region_upper},#{scroll_region_lower}'
