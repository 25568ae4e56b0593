# choose-client -Z zooms the pane while the list shows; customize-mode -Z too
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" splitw -d 'sleep 1001'
script -qfec "$TMUX_BIN attach -t work" /dev/null </dev/null >/dev/null 2>&1 &
i=0
while [ $i -lt 200 ] && [ "$("$TMUX_BIN" list-clients | wc -l)" -lt 1 ]; do sleep 0.05; i=$((i + 1)); done
"$TMUX_BIN" choose-client -Z -t work:0.1
"$TMUX_BIN" display -p -t work:0.1 '#{window_zoomed_flag} #{pane_active} #{pane_mode}'
"$TMUX_BIN" customize-mode -Z -t work:0.0
"$TMUX_BIN" display -p -t work:0.0 '#{pane_mode}'
"$TMUX_BIN" detach-client -a
