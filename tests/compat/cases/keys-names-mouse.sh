# Mouse key names accepted by bind, listed in tmux's order.
$TMUX_BIN new -d -s s -x 80 -y 24
for k in MouseDown1Pane MouseDown2Status MouseDown3StatusLeft MouseDown6Pane MouseDown8Pane MouseDown11Pane MouseUp1Pane MouseUp2Border MouseDrag3Status MouseDragEnd1StatusRight SecondClick1Pane DoubleClick2StatusDefault TripleClick3Border WheelUpPane WheelDownStatusLeft WheelDownBorder M-MouseDown1Pane C-WheelUpPane S-MouseDrag1Border mousedown1pane; do
    $TMUX_BIN bind -T x "$k" display "$k" || echo "fail $k"
done
$TMUX_BIN list-keys -T x
