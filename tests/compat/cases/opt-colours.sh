# Colours as tmux prints them back.
$TMUX_BIN new -d -s a
for c in red Red colour100 color7 brightred '#FF00aa' default terminal 3 93; do
    $TMUX_BIN set -g status-fg "$c"
    $TMUX_BIN show -g status-fg
done
$TMUX_BIN set -gw cursor-colour none; echo "rc=$?"
$TMUX_BIN set -g status-fg colour256; echo "rc=$?"
