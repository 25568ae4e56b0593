# show-window-options / showw: the window scope, -g, -v.
$TMUX_BIN new -d -s a
$TMUX_BIN showw -g | head -3
$TMUX_BIN showw -gv wrap-search
$TMUX_BIN showw
$TMUX_BIN setw -g xterm-keys off
$TMUX_BIN showw -g xterm-keys
