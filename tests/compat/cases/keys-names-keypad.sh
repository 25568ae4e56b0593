# Keypad keys, user keys and Any.
$TMUX_BIN new -d -s s -x 80 -y 24
for k in KP0 KP1 KP2 KP3 KP4 KP5 KP6 KP7 KP8 KP9 KP/ KP* KP- KP+ KP. KPEnter User0 User1 User999 Any; do
    $TMUX_BIN bind -T x "$k" display "$k" || echo "fail $k"
done
$TMUX_BIN list-keys -T x
