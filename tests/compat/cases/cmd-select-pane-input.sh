# select-pane -d: keys no longer reach the pane, -e: they do again; neither selects it
"$TMUX_BIN" -f /dev/null new -d -s work -x 40 -y 5 'cat'
"$TMUX_BIN" splitw -d 'sleep 1000'
"$TMUX_BIN" selectp -d -t work:0.0
"$TMUX_BIN" send -t work:0.0 'one' Enter
"$TMUX_BIN" selectp -e -t work:0.0
"$TMUX_BIN" send -t work:0.0 'two' Enter
. "$COMPAT_LIB"
wait_pane work:0.0 two
"$TMUX_BIN" capturep -p -t work:0.0 | grep -v '^$'
"$TMUX_BIN" selectp -d -t work:0.1
"$TMUX_BIN" display -p '#{pane_index}'
