# A command run inside a pane (the client's TMUX_PANE) targets that pane's session, and
# there, as tmux, the session's current window and active pane.
$TMUX_BIN new -d -s a -n first -x 80 -y 24 cat
$TMUX_BIN new -d -s b -n bw cat
$TMUX_BIN neww -d -t a -n inner "$TMUX_BIN display -p '#{session_name}:#{window_name}' > out; $TMUX_BIN lsw -F '#{window_name}' >> out; sleep 1000"
i=0; while [ ! -s out ] || [ "$(wc -l < out)" -lt 3 ]; do sleep 0.05; i=$((i+1)); [ $i -gt 200 ] && break; done
cat out
