# swap-pane of a pane with itself in a zoomed window unzooms it, as tmux 3.3a (the window
# is unzoomed before the panes are compared); with -Z it stays zoomed.
T=$TMUX_BIN
F='#{window_zoomed_flag} #{window_flags} #{pane_id} #{pane_active}'
"$T" -f /dev/null new -d -s s -x 80 -y 24 'sleep 1000'
"$T" splitw -d -t s 'sleep 1000'
"$T" resize-pane -Z -t s:0.0
"$T" swapp -Z -s s:0.0 -t s:0.0
echo "rc=$?"
"$T" lsp -t s -F "$F"
"$T" swapp -d -s s:0.0 -t s:0.0
echo "rc=$?"
"$T" lsp -t s -F "$F"
