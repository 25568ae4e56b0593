# window-layout-changed: as many times as tmux tells it: split-window, resize-pane along
# a split (-Z both ways), select-layout and next-layout (twice each), swap-pane,
# break-pane, join-pane, kill-pane; resize-window also fires window-resized after it.
. "$COMPAT_LIB"
$T -f /dev/null new -d -s a -x 80 -y 24 'sleep 1000'
$T set-hook -g window-layout-changed "set -gaF @log 'layout(#{hook_window}) '"
$T set-hook -g window-resized "set -gaF @log 'resized(#{hook_window} #{window_width}x#{window_height}) '"
$T set-hook -g window-pane-changed "set -gaF @log 'pane(#{hook_window}) '"
step() { "$T" "$@"; echo "$*: $("$T" show -gv @log 2>/dev/null)"; "$T" set -gu @log; }
step splitw -t a:0 'sleep 1000'
step splitw -h -d -t a:0 'sleep 1000'
step resizep -t a:0.0 -Z
step resizep -t a:0.0 -Z
step resizep -t a:0.0 -D 2
step resizep -t a:0.1 -x 20
step selectl -t a:0 tiled
step selectl -t a:0 tiled
step selectl -t a:0 -o
step nextl -t a:0
step swapp -t a:0.0 -D
step breakp -d -s a:0.2
step breakp -d -s a:0.1
step joinp -d -s a:2 -t a:0.0
step joinp -d -s a:1 -t a:0.0
step movep -d -s a:0.1 -t a:0.0
step killp -t a:0.2
step resizew -t a:0 -x 60 -y 20
step resizew -t a:0 -x 60 -y 20
