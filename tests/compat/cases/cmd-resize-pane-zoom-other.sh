# resize-pane -Z on a zoomed window unzooms it whichever pane is named (the active pane
# stays); on an unzoomed one the named pane becomes active and fills it; join-pane
# unzooms both windows even when it then fails (tmux 3.3a)
F='#{pane_index} #{pane_active} #{window_zoomed_flag}'
"$TMUX_BIN" -f /dev/null new -d -s s -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" split-window -d -t s:0.0 'sleep 1000'
"$TMUX_BIN" resize-pane -Z -t s:0.0
"$TMUX_BIN" resize-pane -Z -t s:0.1
"$TMUX_BIN" lsp -t s:0 -F "$F"
"$TMUX_BIN" resize-pane -Z -t s:0.1
"$TMUX_BIN" lsp -t s:0 -F "$F"
"$TMUX_BIN" resize-pane -Z -t s:0.1
"$TMUX_BIN" lsp -t s:0 -F "$F"
"$TMUX_BIN" join-pane -d -v -s s:0.1 -t s:0.1 -t s:0.1; echo "join-pane: $?"
"$TMUX_BIN" lsp -t s:0 -F "$F"
