# respawn-pane on a dead pane (remain-on-exit) needs no -k
"$TMUX_BIN" -f /dev/null new -d -s work -x 40 -y 5 'sleep 1000'
"$TMUX_BIN" set -g remain-on-exit on
"$TMUX_BIN" splitw -d 'exit 3'
. "$COMPAT_LIB"
wait_dead work:0.1
"$TMUX_BIN" display -p -t work:0.1 '#{pane_dead} #{pane_dead_status}'
"$TMUX_BIN" respawnp -t work:0.1 'echo back; sleep 1000'
wait_pane work:0.1 back
"$TMUX_BIN" display -p -t work:0.1 '#{pane_dead}'
