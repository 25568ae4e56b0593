# move-window -r numbers the windows again from base-index
"$TMUX_BIN" -f /dev/null new -d -s work -n w0 'sleep 1000'
"$TMUX_BIN" neww -d -t work:3 -n w3 'sleep 1000'
"$TMUX_BIN" neww -d -t work:7 -n w7 'sleep 1000'
"$TMUX_BIN" movew -r
"$TMUX_BIN" lsw -F '#{window_index} #{window_name}'
"$TMUX_BIN" set -g base-index 1
"$TMUX_BIN" movew -r -t work
"$TMUX_BIN" lsw -F '#{window_index} #{window_name}'
