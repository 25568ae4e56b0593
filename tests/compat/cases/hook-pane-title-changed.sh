# pane-title-changed: each title set, by select-pane -T or by the program (OSC 2, OSC 0),
# even to the same title; #{hook_pane} is the pane, #{pane_title} its new title.
. "$COMPAT_LIB"
$T -f /dev/null new -d -s a -x 80 -y 24 'sleep 1000'
$T set-hook -g pane-title-changed "set -gaF @log 'title(#{hook_pane} s=#{hook_session} w=#{hook_window} #{pane_title}) '"
step() { "$T" "$@"; echo "$*: $("$T" show -gv @log 2>/dev/null)"; "$T" set -gu @log; }
step selectp -t a:0.0 -T one
step selectp -t a:0.0 -T one
step selectp -t a:0.0 -T two
# The program sets its title: the hook runs once the pane's output was read.
$T neww -d -t a:1 "printf '\\033]2;from-app\\007'; sleep 1000"
wait_format a:1 '#{pane_title}' from-app
echo "osc 2: $("$T" show -gv @log)"; "$T" set -gu @log
$T neww -d -t a:2 "printf '\\033]0;zero\\007'; sleep 1000"
wait_format a:2 '#{pane_title}' zero
echo "osc 0: $("$T" show -gv @log)"; "$T" set -gu @log
$T neww -d -t a:3 "printf '\\033]1;icon-only\\007'; echo done; sleep 1000"
wait_pane a:3 done
echo "osc 1: [$("$T" show -gv @log 2>/dev/null)]"
