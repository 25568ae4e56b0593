# swap-window: without -d each session's current window stays at its index (which now
# shows the other window), with -d it goes to where the other window landed; windows
# swap between two sessions too (not between sessions of one group); session-window-
# changed fires only for -d's moves; select-pane -T without -t then acts on the pane of
# the window now current.
. "$COMPAT_LIB"
$T -f /dev/null new -d -s a -x 80 -y 24 -n w0 'sleep 1000'
$T neww -d -t a -n w1 'sleep 1000'
$T neww -d -t a -n w2 'sleep 1000'
$T set-hook -g session-window-changed "set -gaF @log 'swc(#{hook_session_name}:#{window_index}) '"
L() {
    echo "$1: $($T lsw -t "${2:-a}" -F '#{window_index}:#{window_name}#{?window_active,*,}' | tr '\n' ' ')$($T show -gv @log 2>/dev/null)"
    $T set -gu @log
}
L start
$T swapw -s a:0 -t a:1; L 'swapw -s a:0 -t a:1'
$T swapw -s a:2 -t a:0; L 'swapw -s a:2 -t a:0'
$T swapw -s a:1 -t a:2; L 'swapw -s a:1 -t a:2'
$T swapw -d -s a:1 -t a:2; L 'swapw -d -s a:1 -t a:2'
$T swapw -d -s a:2 -t a:0; L 'swapw -d -s a:2 -t a:0'
$T selectw -t a:1
$T swapw -t a:2; L 'swapw -t a:2'
$T swapw -s a:2; L 'swapw -s a:2'
$T swapw -s a:1 -t a:1; L 'swapw -s a:1 -t a:1'
$T selectp -T title-after-swap
$T lsp -s -t a:1 -F 'a:1 #{window_name} #{pane_title}'
$T new -d -s b -n x0 'sleep 1000'
$T neww -d -t b -n x1 'sleep 1000'
$T swapw -s a:0 -t b:1; L 'swapw -s a:0 -t b:1'; L b b
$T swapw -d -s a:2 -t b:0; L 'swapw -d -s a:2 -t b:0'; L b b
$T new -d -s g -t b
$T swapw -s b:0 -t g:1; echo "grouped: $?"
L after-grouped b
