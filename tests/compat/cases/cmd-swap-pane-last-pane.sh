# swap-pane between two windows forgets a last pane only if it is one of the two
# swapped: a window's last pane stays when another pane of it is swapped away, as tmux
# 3.3a; last-pane then.
T=$TMUX_BIN
F='#{window_index}.#{pane_index} #{pane_id} #{pane_active} #{pane_last}'
"$T" -f /dev/null new -d -s s -x 80 -y 24 'sleep 1000'
"$T" splitw -d -t s:0 'sleep 1000'
"$T" splitw -d -t s:0 'sleep 1000'
"$T" neww -d -t s:1 'sleep 1000'
"$T" splitw -d -t s:1 'sleep 1000'
"$T" selectp -t s:0.2
"$T" selectp -t s:1.1
"$T" selectp -t s:1.0
"$T" swapp -d -s s:1.1 -t s:0.1
"$T" lsp -s -t s -F "$F"; echo -
"$T" last-pane -t s:1; echo "rc=$?"
"$T" last-pane -t s:0; echo "rc=$?"
"$T" lsp -s -t s -F "$F"; echo -
# With -d, a window whose active pane is swapped away takes the one that came, and has
# no last pane then (the old active one is in the other window).
"$T" selectp -t s:0.0
"$T" selectp -t s:0.2
"$T" lsp -s -t s -F "$F"; echo -
"$T" swapp -d -s s:1.0 -t s:0.2
"$T" lsp -s -t s -F "$F"; echo -
"$T" last-pane -t s:0; echo "rc=$?"
"$T" lsp -s -t s -F "$F"
