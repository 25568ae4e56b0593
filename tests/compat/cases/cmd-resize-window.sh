# resize-window -x -y -L -R -U -D and the adjustment
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24
F='#{window_width}x#{window_height}'
"$TMUX_BIN" resize-window -x 100 -y 30; "$TMUX_BIN" display -p "$F"
"$TMUX_BIN" resizew -L 5; "$TMUX_BIN" display -p "$F"
"$TMUX_BIN" resizew -R; "$TMUX_BIN" display -p "$F"
"$TMUX_BIN" resizew -U 3; "$TMUX_BIN" display -p "$F"
"$TMUX_BIN" resizew -D 10; "$TMUX_BIN" display -p "$F"
"$TMUX_BIN" resizew 5; "$TMUX_BIN" display -p "$F"
"$TMUX_BIN" resizew -L 1000; "$TMUX_BIN" display -p "$F"
"$TMUX_BIN" resizew -x 10000 -y 5; "$TMUX_BIN" display -p "$F"
