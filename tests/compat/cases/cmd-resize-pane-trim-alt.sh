# resize-pane -T on the alternate screen: the alternate screen has no history, so nothing
# moves; once the program leaves it, the main screen and its history are as they were
. "$COMPAT_LIB"
cat > prog.sh <<'EOS'
i=1; while [ $i -le 30 ]; do echo "line $i"; i=$((i + 1)); done
printf 'last\n\033[?1049h\033[2J\033[Halt one\nalt two\n\033[Hready'
read x
printf '\033[?1049l'
echo back
sleep 1000
EOS
$TMUX_BIN -f /dev/null new -d -s s -x 30 -y 10 "sh prog.sh"
wait_pane s ready
$TMUX_BIN display -p '#{alternate_on} #{history_size} #{cursor_x},#{cursor_y}'
$TMUX_BIN resize-pane -T; echo "rc=$?"
$TMUX_BIN display -p '#{alternate_on} #{history_size} #{cursor_x},#{cursor_y}'
$TMUX_BIN capture-pane -p
$TMUX_BIN send-keys Enter
wait_pane s back
$TMUX_BIN display -p '#{alternate_on} #{history_size} #{cursor_x},#{cursor_y}'
$TMUX_BIN capture-pane -p -S -
