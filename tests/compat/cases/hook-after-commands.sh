# Which commands run their after-COMMAND hook (tmux 3.3a: every after-* hook option but
# after-select-pane, whose command runs none); a command that fails runs none.
. "$COMPAT_LIB"
$T -f /dev/null new -d -s a -x 80 -y 24 'sleep 1000'
$T splitw -d -t a:0 'sleep 1000'
try() {
    h=$1; shift
    $T set-hook -g "after-$h" "set -ga @log 'x'"
    "$@" >/dev/null 2>&1
    echo "$h: $($T show -gv @log 2>/dev/null)"
    $T set -gu @log
    $T set-hook -gu "after-$h"
}
try bind-key $T bind-key -n F12 display x
try capture-pane $T capture-pane -t a:0.0
try copy-mode $T copy-mode -t a:0.0
try display-message $T display -p x
try kill-pane $T kill-pane -t a:0.1
try list-buffers $T lsb
try list-clients $T lsc
try list-keys $T lsk
try list-panes $T lsp
try list-sessions $T ls
try list-windows $T lsw
try load-buffer $T loadb /etc/hostname
try lock-server $T lock-server
try new-session $T new -d -s n
try new-window $T neww -d
try paste-buffer $T pasteb -t a:0.0
try pipe-pane $T pipe-pane -t a:0.0
try rename-session $T rename-session -t n m
try rename-window $T rename-window -t a:0 w
try resize-pane $T resizep -t a:0.0 -D 1
try resize-window $T resizew -t a:0 -x 70
try save-buffer $T saveb -b buffer0 "$COMPAT_TMP/x.txt"
try select-layout $T selectl -t a:0 tiled
try select-pane $T selectp -t a:0.0
try select-window $T selectw -t a:0
try send-keys $T send-keys -t a:0.0 x
try set-buffer $T setb x
try set-environment $T setenv -g X y
try set-hook $T set-hook -g pane-died ''
try set-option $T set -g @y 1
try show-environment $T showenv -g
try show-options $T show -g
try split-window $T splitw -d 'sleep 100'
try unbind-key $T unbind -n F12
try rename-window $T rename-window -t nosuch w
try kill-pane $T kill-pane -t a:9.9
