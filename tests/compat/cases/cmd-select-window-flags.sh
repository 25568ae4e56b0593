# select-window -T (the current one: go to the last), -l -n -p, next-window -a
"$TMUX_BIN" -f /dev/null new -d -s w -n a 'sleep 1000'
"$TMUX_BIN" neww -n b 'sleep 1000'
"$TMUX_BIN" neww -n c 'sleep 1000'
"$TMUX_BIN" selectw -T -t :2; "$TMUX_BIN" display -p '#{window_index}'
"$TMUX_BIN" selectw -T -t :2; "$TMUX_BIN" display -p '#{window_index}'
"$TMUX_BIN" selectw -T -t :0; "$TMUX_BIN" display -p '#{window_index}'
"$TMUX_BIN" selectw -n; "$TMUX_BIN" display -p '#{window_index}'
"$TMUX_BIN" selectw -p; "$TMUX_BIN" display -p '#{window_index}'
"$TMUX_BIN" selectw -l; "$TMUX_BIN" display -p '#{window_index}'
"$TMUX_BIN" next -a
echo "rc=$?"
"$TMUX_BIN" prev -a
echo "rc=$?"
