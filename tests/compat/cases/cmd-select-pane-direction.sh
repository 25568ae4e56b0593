# select-pane -L/-R/-U/-D as tmux 3.3a: of the panes beside the edge (wrapping around the
# window), the one active most recently, else the first; a zoomed window stays zoomed
# when no other pane is found; the active pane closed with no last pane gives way to
# the pane before it, else after it
F='#{pane_index} #{pane_id} #{pane_active}'
"$TMUX_BIN" -f /dev/null new -d -s s -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" split-window -d -v -t s:0.0 'sleep 1000'
"$TMUX_BIN" split-window -d -h -t s:0.1 'sleep 1000'
"$TMUX_BIN" select-pane -D -t s:0.0
"$TMUX_BIN" lsp -t s:0 -F "$F"
"$TMUX_BIN" select-pane -t s:0.2
"$TMUX_BIN" select-pane -t s:0.0
"$TMUX_BIN" select-pane -D -t s:0.0
"$TMUX_BIN" lsp -t s:0 -F "$F"
"$TMUX_BIN" select-pane -U
"$TMUX_BIN" select-pane -U
"$TMUX_BIN" lsp -t s:0 -F "$F"
"$TMUX_BIN" select-pane -R -t s:0.2
"$TMUX_BIN" lsp -t s:0 -F "$F"
"$TMUX_BIN" new-window -d -t s:1 'sleep 1000'
"$TMUX_BIN" split-window -d -h -t s:1.0 'sleep 1000'
"$TMUX_BIN" resize-pane -Z -t s:1.0
"$TMUX_BIN" select-pane -U -t s:1.0
"$TMUX_BIN" display -p -t s:1 '#{window_zoomed_flag} #{pane_index}'
"$TMUX_BIN" select-pane -L -t s:1.0
"$TMUX_BIN" display -p -t s:1 '#{window_zoomed_flag} #{pane_index}'
"$TMUX_BIN" resize-pane -Z -t s:1.1
"$TMUX_BIN" select-pane -Z -L -t s:1.1
"$TMUX_BIN" display -p -t s:1 '#{window_zoomed_flag} #{pane_index}'
"$TMUX_BIN" new-window -d -t s:2 'sleep 1000'
"$TMUX_BIN" split-window -d -t s:2.0 'sleep 1000'
"$TMUX_BIN" split-window -d -t s:2.1 'sleep 1000'
"$TMUX_BIN" select-pane -t s:2.2
"$TMUX_BIN" kill-pane -t s:2.0
"$TMUX_BIN" split-window -d -t s:2.0 'sleep 1000'
"$TMUX_BIN" kill-pane -t s:2.2
"$TMUX_BIN" lsp -t s:2 -F "$F"
