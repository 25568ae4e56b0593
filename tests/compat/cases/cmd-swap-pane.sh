# swap-pane -D -U -d -Z and -s/-t: which pane is active after
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" splitw -d 'sleep 1001'
"$TMUX_BIN" splitw -d 'sleep 1002'
F='#{window_zoomed_flag} #{pane_index} #{pane_id}'
L='#{pane_index} #{pane_id} #{pane_active} #{pane_top}'
"$TMUX_BIN" resizep -Z
"$TMUX_BIN" swapp -D -Z; "$TMUX_BIN" display -p "$F"
"$TMUX_BIN" swapp -D; "$TMUX_BIN" display -p "$F"
"$TMUX_BIN" swapp -d -U; "$TMUX_BIN" display -p "$F"
"$TMUX_BIN" lsp -F "$L"
"$TMUX_BIN" swapp -s work:0.0 -t work:0.2; "$TMUX_BIN" lsp -F "$L"
"$TMUX_BIN" swapp -d -s work:0.0 -t work:0.1; "$TMUX_BIN" lsp -F "$L"
"$TMUX_BIN" swapp -t work:0.0; "$TMUX_BIN" lsp -F "$L"
