# split-window -I streams the client's stdin into the empty pane as it comes (the command
# waits until stdin ends); a CR LF split across two reads is one line feed; the pane
# killed while stdin is still read: the client ends at the next read or at stdin's end
. "$COMPAT_LIB"
$TMUX_BIN -f /dev/null new -d -s s -x 30 -y 20 "sleep 1000"
mkfifo in
$TMUX_BIN splitw -I < in > out 2>&1 &
pid=$!
exec 3> in
printf 'first line\r' >&3
wait_pane s:0.1 'first line'
printf '\nsecond\nthi' >&3
wait_pane s:0.1 'thi'
printf 'rd\n' >&3
wait_pane s:0.1 'third'
$TMUX_BIN list-panes -F '#{pane_index} #{pane_dead}'
exec 3>&-
wait $pid
echo "rc=$? [$(cat out)]"
$TMUX_BIN capture-pane -p -t s:0.1
$TMUX_BIN display -p -t s:0.1 '#{cursor_x},#{cursor_y}'
$TMUX_BIN splitw -I -t s:0.0 < in > out 2>&1 &
pid=$!
exec 3> in
printf 'gone soon\n' >&3
wait_pane s:0.1 'gone soon'
$TMUX_BIN kill-pane -t s:0.1
$TMUX_BIN list-panes -F '#{pane_index}'
printf 'more\n' >&3
wait $pid
echo "rc=$? [$(cat out)]"
exec 3>&-
$TMUX_BIN list-panes -F '#{pane_index}'
