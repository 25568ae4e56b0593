# last-pane with no last pane is an error
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" last-pane
echo "rc=$?"
"$TMUX_BIN" selectp -l
echo "rc=$?"
