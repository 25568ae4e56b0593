# Key names tmux does not know: "unknown key" and nothing bound.
$TMUX_BIN new -d -s s -x 80 -y 24
for k in F13 F0 MouseMove1Pane MouseDown12Pane MouseDown4Pane MouseDown1 WheelUp1Pane MouseDown1Nowhere User1000 KP10 X-a C- M- 'a b' FocusIn PasteStart Mouse; do
    $TMUX_BIN bind -T x "$k" display "$k"; echo "rc=$?"
done
$TMUX_BIN list-keys -T x; echo "rc=$?"
