# session-window-changed: a session's current window changes (new-window without -d,
# select-window, next, previous, last-window, the current window killed, break-pane
# without -d); not for the same window again, nor for new-window -d.
. "$COMPAT_LIB"
$T -f /dev/null new -d -s a -x 80 -y 24 'sleep 1000'
$T new -d -s other 'sleep 1000'
$T set-hook -g session-window-changed "set -gaF @log 'swc(#{hook_session} #{hook_session_name} w=#{hook_window} cur=#{window_index}) '"
step() { "$T" "$@"; echo "$*: $("$T" show -gv @log 2>/dev/null)"; "$T" set -gu @log; }
step neww -t a: 'sleep 1000'
step neww -d -t a: 'sleep 1000'
step selectw -t a:2
step selectw -t a:2
step next -t a
step prev -t a
step last -t a
step killw -t a:2
step killw -t a:1
step splitw -d -t a:0 'sleep 1000'
step breakp -s a:0.1
step selectw -t other:0
step lsw -t a -F '#{window_index} #{window_active}'
