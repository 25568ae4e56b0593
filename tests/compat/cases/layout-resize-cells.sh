# A window resized shares the cells it gains or loses among its panes one at a time, in
# turn from the first (not in proportion); an attach resizes after the commands and the
# client-attached hook that run with it (tmuxp's hook lays a window out at its old size).
. "$COMPAT_LIB"
"$T" -f /dev/null new -d -s w -x 80 -y 24 'sleep 1000'
"$T" splitw -h -t w 'sleep 1000'
"$T" splitw -v -t w 'sleep 1000'
"$T" splitw -h -t w:0.0 -l 10 'sleep 1000'
for size in "161 48" "30 10" "200 50" "81 23" "7 5" "120 40"; do
    set -- $size
    "$T" resize-window -t w -x "$1" -y "$2"
    "$T" lsp -t w -F '#{pane_width}x#{pane_height}+#{pane_left}+#{pane_top}' | tr '\n' ' '
    echo
done
"$T" new -d -s a -x 800 -y 600 'sleep 1000'
"$T" splitw -h -t a 'sleep 1000'
"$T" selectl -t a even-horizontal
"$T" set-hook -t a client-attached 'selectl ; set -gF @seen "#{window_width}"'
script -qfec "stty cols 81 rows 24; $T attach -t a" /dev/null </dev/null >/dev/null 2>&1 &
wait_format a '#{window_width}' 81
"$T" show -gv @seen
"$T" lsp -t a -F '#{pane_width}x#{pane_height}+#{pane_left}+#{pane_top}'
"$T" detach-client -a
