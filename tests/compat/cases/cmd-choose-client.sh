# choose-client without clients does not start; customize-mode opens options-mode
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" choose-client
echo "rc=$?"
"$TMUX_BIN" display -p '[#{pane_in_mode}] [#{pane_mode}]'
"$TMUX_BIN" customize-mode
echo "rc=$?"
"$TMUX_BIN" display -p '[#{pane_in_mode}] [#{pane_mode}]'
