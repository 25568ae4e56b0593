# Options by name: flags as 1/0, choices and strings as set.
. "$COMPAT_LIB"
$T new -d -s main -x 80 -y 24 'sleep 1000'
$T set -g status-left '[#{session_name}] '
$T display -p -t main '#{mouse} #{base-index} #{mode-keys} #{automatic-rename}'
$T display -p -t main '#{status}'
$T display -p -t main '#{pane-border-format}'
$T display -p -t main '[#{@nope}]'
$T display -p -t main '#{=5:status-left}'
