# unbind -a empties a table: it goes, except root which always exists.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN unbind -a -T copy-mode; echo "rc=$?"
$TMUX_BIN list-keys -T copy-mode; echo "rc=$?"
$TMUX_BIN bind -T copy-mode q send -X cancel
$TMUX_BIN list-keys -T copy-mode; echo "rc=$?"
$TMUX_BIN unbind -a -n; echo "rc=$?"
$TMUX_BIN list-keys -T root; echo "rc=$?"
$TMUX_BIN unbind -a; echo "rc=$?"
$TMUX_BIN list-keys -T prefix; echo "rc=$?"
$TMUX_BIN list-keys -N; echo "rc=$?"
$TMUX_BIN list-keys | cut -c1-30 | sort | uniq -c | sort -rn | head -3
