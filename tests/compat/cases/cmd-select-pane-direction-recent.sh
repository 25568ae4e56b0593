# select-pane -L with two panes beside: the one made active most recently wins, and a new
# window's first pane counts as made active when it was made (tmux's count starts at 0,
# so the very first ties with panes never active: the first in the list wins then).
T=$TMUX_BIN
"$T" -f /dev/null new -d -s s -x 80 -y 24 'sleep 1000'
"$T" splitw -d -h -t s:0.0 'sleep 1000'
"$T" splitw -d -v -b -t s:0.0 'sleep 1000'
"$T" lsp -t s -F '#{pane_index} #{pane_id} #{pane_left},#{pane_top} #{pane_active}'
"$T" selectp -t s:0.2 -L
"$T" display -p -t s '#{pane_id}'
"$T" neww -d -t s:1 'sleep 1000'
"$T" splitw -d -h -t s:1.0 'sleep 1000'
"$T" selectp -t s:1.1
"$T" splitw -d -v -b -t s:1.0 'sleep 1000'
"$T" selectp -t s:1.2 -L
"$T" display -p -t s:1 '#{pane_id}'
