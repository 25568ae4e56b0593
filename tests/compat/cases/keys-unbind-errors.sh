# unbind-key errors and -q, which silences them.
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN unbind -T nosuch q; echo "rc=$?"
$TMUX_BIN unbind -q -T nosuch q; echo "rc=$?"
$TMUX_BIN unbind -T prefix zz; echo "rc=$?"
$TMUX_BIN unbind -q zz; echo "rc=$?"
$TMUX_BIN unbind; echo "rc=$?"
$TMUX_BIN unbind -q; echo "rc=$?"
$TMUX_BIN unbind -a c; echo "rc=$?"
$TMUX_BIN unbind -n F5; echo "rc=$?"
$TMUX_BIN unbind -T root F5; echo "rc=$?"
$TMUX_BIN list-keys | wc -l
