# = and {mouse} name the mouse event's pane: from the command line there is none.
$TMUX_BIN new -d -n w -s a cat
$TMUX_BIN selectp -t '{mouse}'; echo "rc=$?"
$TMUX_BIN lsp -t = -F x; echo "rc=$?"
$TMUX_BIN display -p -t '{mouse}' '[#{session_name}]'; echo "rc=$?"
