# A scroll region from the top row (apt's progress bar keeps the last row out of it):
# the lines scrolling off its top go into history, and capture-pane -S - shows them
"$TMUX_BIN" -f /dev/null new -d -s work -x 20 -y 5 "printf '\033[1;4r'; for i in 1 2 3 4 5 6 7 8 9; do echo line\$i; done; printf '\033[5;1Hbar\033[4;1H'; echo done; sleep 1000"
. "$COMPAT_LIB"
wait_pane work done
"$TMUX_BIN" display -p '#{history_size}'
"$TMUX_BIN" capturep -p -S -
