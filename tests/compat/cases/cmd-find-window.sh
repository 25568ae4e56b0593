# find-window opens the tree with the matching windows; with none it does not start
"$TMUX_BIN" -f /dev/null new -d -s a -n alpha -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" neww -d -n beta 'echo needle-text; sleep 1000'
. "$COMPAT_LIB"
wait_pane a:1 needle-text
"$TMUX_BIN" findw -t a:0 nosuchthing
echo "rc=$?"
"$TMUX_BIN" display -p -t a:0 '[#{pane_mode}]'
"$TMUX_BIN" findw -t a:0 -N bet
echo "rc=$?"
"$TMUX_BIN" display -p -t a:0 '[#{pane_mode}]'
"$TMUX_BIN" findw -Z -t a:1 -C needle
"$TMUX_BIN" display -p -t a:1 '[#{pane_mode}] #{window_zoomed_flag}'
"$TMUX_BIN" findw -r -t a:0 '[' 
echo "rc=$?"
