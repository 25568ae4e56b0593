# window-size: each value, and a bad one.
$TMUX_BIN new -d -s a
for v in largest smallest manual latest; do
    $TMUX_BIN set -gw window-size $v; $TMUX_BIN show -gw window-size
done
$TMUX_BIN set -gw window-size bogus; echo "rc=$?"
