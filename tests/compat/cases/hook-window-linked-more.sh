# window-linked and window-unlinked from new-session, move-window, break-pane,
# kill-session and session groups (the others of a group have every window linked again
# when one changes), counted after each command, as tmux.
. "$COMPAT_LIB"
"$T" -f /dev/null new -d -s a -n one 'sleep 1000'
"$T" set-hook -g window-linked 'set -ga @l L'
"$T" set-hook -g window-unlinked 'set -ga @u U'
step() {
    "$T" "$@"
    echo "$1: l=$("$T" show -gv @l 2>/dev/null) u=$("$T" show -gv @u 2>/dev/null) $("$T" lsw -a -F '#{session_name}:#{window_index}' | tr '\n' ' ')"
}
step new -d -s b -n bee 'sleep 1000'
step neww -d -t a: 'sleep 1000'
step movew -s a:1 -t b:7
step movew -r -t b
step movew -s b:1 -t b:5
step splitw -d -t a:0 'sleep 1000'
step breakp -d -s a:0.1 -t b:
step kill-session -t b
step new -d -s c -t a
step neww -d -t a: 'sleep 1000'
step killw -t a:1
step kill-session -t c
