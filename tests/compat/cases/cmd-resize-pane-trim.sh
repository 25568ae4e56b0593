# resize-pane -T drops the lines below the cursor, history lines coming back at the top;
# -M (a border drag) does nothing without a mouse event.
. "$COMPAT_LIB"
$TMUX_BIN -f /dev/null new -d -s s -x 20 -y 5 "seq 1 8; printf '\033[2;1H'; exec cat"
wait_pane s 8
wait_format s '#{cursor_y}' 1 # the cursor's move comes after the 8
$TMUX_BIN display -p 'before #{history_size} #{cursor_y}'
$TMUX_BIN resize-pane -T; echo "T rc=$?"
$TMUX_BIN display -p 'after #{history_size} #{cursor_y}'
$TMUX_BIN capture-pane -p
$TMUX_BIN resize-pane -T; echo "again rc=$?"
$TMUX_BIN display -p 'again #{history_size} #{cursor_y}'
$TMUX_BIN resize-pane -M; echo "M rc=$?"
$TMUX_BIN resize-pane -M -Z; echo "MZ rc=$? #$($TMUX_BIN display -p '#{window_zoomed_flag}')"
$TMUX_BIN copy-mode; $TMUX_BIN resize-pane -T -t s; echo "mode rc=$?"
$TMUX_BIN display -p 'mode #{history_size} #{cursor_y}'
