# show -g: every global session option, its default and printed form.
$TMUX_BIN new -d -s a
$TMUX_BIN show -g | grep -v '^default-shell '
echo "rc=$?"
