# View mode keeps every line run-shell printed, whatever history-limit says (tmux's view
# has no limit of its own).
. "$COMPAT_LIB"
"$T" -f /dev/null new -d -s s -x 40 -y 10 'sleep 1000'
"$T" set -g history-limit 50
"$T" run-shell -t s 'seq 1 300'
"$T" display -p -t s '#{pane_mode}'
"$T" send-keys -t s -X history-top
"$T" display -p -t s '#{scroll_position}'
"$T" send-keys -t s -X history-bottom
"$T" display -p -t s '#{scroll_position}'
