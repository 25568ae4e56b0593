# Modifiers: the order tmux prints them in (M-C-b, C-M-Up, S-M-Up) and lists keys.
$TMUX_BIN new -d -s s -x 80 -y 24
for k in C-M-b M-C-b C-M-Up M-x M-X M-Escape 'M-"' M-# 'M-$' M-% "M-'" M-{ M-} M-~ M-BSpace M-é é ☃ C-Tab C-Enter C-Escape C-! C-/ C-1 C-BSpace C-é S-Up S-Left M-S-Up S-M-Up C-S-Up C-M-S-Up M-F1 C-F12 S-F5 C-M-Left; do
    $TMUX_BIN bind -T x "$k" display "$k" || echo "fail $k"
done
$TMUX_BIN list-keys -T x
