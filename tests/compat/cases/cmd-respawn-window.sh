# respawn-window -k keeps the first pane only
"$TMUX_BIN" -f /dev/null new -d -s work -x 40 -y 10 'sleep 1000'
"$TMUX_BIN" splitw -d 'sleep 1001'
"$TMUX_BIN" splitw -d 'sleep 1002'
"$TMUX_BIN" respawnw -k 'echo again; sleep 1000'
. "$COMPAT_LIB"
wait_pane work again
"$TMUX_BIN" lsp -F '#{pane_index} #{pane_width}x#{pane_height} #{pane_active}'
