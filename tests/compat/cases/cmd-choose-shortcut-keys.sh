# the choosers' shortcut keys: 0-9 (then M-a...) by default, -K a format of #{line} and
# the item; a shortcut key chooses its item as Enter would (the template runs)
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" new -d -s other -x 80 -y 24 'sleep 1000'
script -qfec "$TMUX_BIN attach -t work" /dev/null </dev/null >/dev/null 2>&1 &
i=0
while [ $i -lt 200 ] && [ "$("$TMUX_BIN" list-clients | wc -l)" -lt 1 ]; do sleep 0.05; i=$((i + 1)); done
"$TMUX_BIN" set-buffer -b a one
"$TMUX_BIN" set-buffer -b b two
"$TMUX_BIN" set-buffer -b c three
"$TMUX_BIN" choose-buffer -t work:0.0 'set -g @chosen "%%"'
"$TMUX_BIN" send-keys -t work:0.0 1
"$TMUX_BIN" show -gv @chosen
"$TMUX_BIN" display -p -t work:0.0 'mode=[#{pane_mode}]'
"$TMUX_BIN" choose-buffer -t work:0.0 -K '#{?#{==:#{buffer_name},a},x,y}' 'set -g @chosen "%%"'
"$TMUX_BIN" send-keys -t work:0.0 x
"$TMUX_BIN" show -gv @chosen
"$TMUX_BIN" choose-buffer -t work:0.0 -K '#{?#{==:#{line},0},q,}' 'set -g @chosen "%%"'
"$TMUX_BIN" send-keys -t work:0.0 q
"$TMUX_BIN" show -gv @chosen
"$TMUX_BIN" display -p -t work:0.0 'mode=[#{pane_mode}]'
"$TMUX_BIN" choose-tree -s -t work:0.0 -K '#{?#{==:#{session_name},other},o,}' 'set -g @chosen "%%"'
"$TMUX_BIN" send-keys -t work:0.0 o
"$TMUX_BIN" show -gv @chosen
"$TMUX_BIN" choose-client -t work:0.0 -K 'z' 'set -g @chosen "client"'
"$TMUX_BIN" send-keys -t work:0.0 z
"$TMUX_BIN" show -gv @chosen
"$TMUX_BIN" display -p -t work:0.0 'mode=[#{pane_mode}]'
"$TMUX_BIN" detach-client -a
"$TMUX_BIN" kill-server
