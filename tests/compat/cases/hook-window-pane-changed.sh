# window-pane-changed: each time a window's active pane changes (split-window without -d,
# select-pane, last-pane, rotate-window, a killed active pane), never for the same pane
# again; #{hook_window} names the window, the commands run for its active pane.
. "$COMPAT_LIB"
$T -f /dev/null new -d -s a -x 80 -y 24 'sleep 1000'
$T set-hook -g window-pane-changed "set -gaF @log 'pane-changed(#{hook_window} s=#{hook_session} p=#{hook_pane} active=#{pane_index}) '"
step() { "$T" "$@"; echo "$*: $("$T" show -gv @log 2>/dev/null)"; "$T" set -gu @log; }
step splitw -t a:0 'sleep 1000'
step splitw -d -t a:0 'sleep 1000'
step selectp -t a:0.0
step selectp -t a:0.0
step selectp -t a:0 -D
step last-pane -t a:0
step rotatew -t a:0
step killp -t a:0.1
step killp -t a:0.1
step lsp -t a:0 -F '#{pane_index} #{pane_active}'
