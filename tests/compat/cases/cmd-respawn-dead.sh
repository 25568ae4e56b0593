# respawn-pane on a dead pane (remain-on-exit) needs no -k
"$TMUX_BIN" -f /dev/null new -d -s work -x 40 -y 5 'sleep 1000'
"$TMUX_BIN" set -g remain-on-exit on
# The program exits with 3 while a child it left holds the pty for a second: the status
# is known before the pty ends. (tmux 3.3a marks a pane dead at its pty's end; when that
# came first, it once gave no status at all for 10 s.)
"$TMUX_BIN" splitw -d '(sleep 1) & exit 3'
. "$COMPAT_LIB"
wait_dead work:0.1
wait_format work:0.1 '#{pane_dead_status}' 3
"$TMUX_BIN" display -p -t work:0.1 '#{pane_dead} #{pane_dead_status}'
"$TMUX_BIN" respawnp -t work:0.1 'echo back; sleep 1000'
wait_pane work:0.1 back
"$TMUX_BIN" display -p -t work:0.1 '#{pane_dead}'
