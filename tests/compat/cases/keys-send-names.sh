# send-keys KEY: the bytes a terminal sends for each key name.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 60 -y 10 "stty raw -echo; printf READY; exec cat -v"
wait_pane s READY
$TMUX_BIN send-keys C-a M-b F1 Up C-M-Up BSpace BTab Enter; echo "rc=$?"
$TMUX_BIN send-keys C-/ M-Enter C-Space C-@ S-Up S-F1 M-F1 F5 F12 Home End IC DC PPage NPage Escape Enter
$TMUX_BIN send-keys KP1 KP/ ^b C-\\ M-x M-X Space Tab
$TMUX_BIN send-keys -l .END
wait_pane s .END
$TMUX_BIN capture-pane -p | head -6
