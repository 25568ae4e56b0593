# display-menu and display-popup need a client to show on: errors as tmux's.
$TMUX_BIN new -d -s x
$TMUX_BIN display-menu A a ""; echo "menu rc=$?"
$TMUX_BIN menu -T t A a "" "" B b ""; echo "menu alias rc=$?"
$TMUX_BIN display-popup true; echo "popup rc=$?"
$TMUX_BIN popup -C; echo "popup -C rc=$?"
$TMUX_BIN display-menu -c /dev/pts/99 A a ""; echo "menu -c rc=$?"
$TMUX_BIN popup -c /dev/pts/99 -E true; echo "popup -c rc=$?"
$TMUX_BIN list-commands display-popup
