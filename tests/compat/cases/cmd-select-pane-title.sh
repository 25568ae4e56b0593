# select-pane -T sets the title without selecting; -l the last pane
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" splitw 'sleep 1001'
"$TMUX_BIN" selectp -T mytitle -t work:0.0
"$TMUX_BIN" display -p -t work:0.0 '#{pane_title}'
"$TMUX_BIN" display -p '#{pane_index}'
"$TMUX_BIN" selectp -l
"$TMUX_BIN" display -p '#{pane_index}'
"$TMUX_BIN" lastp
"$TMUX_BIN" display -p '#{pane_index}'
"$TMUX_BIN" selectp -t work:0.1 -U
"$TMUX_BIN" display -p '#{pane_index}'
"$TMUX_BIN" selectp -D
"$TMUX_BIN" display -p '#{pane_index}'
