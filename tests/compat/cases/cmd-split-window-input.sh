# split-window -I: with no command, an empty pane (no program, dead) showing the client's
# stdin; with a command, -I changes nothing; respawn-pane runs a program in the empty pane.
. "$COMPAT_LIB"
$TMUX_BIN -f /dev/null new -d -s s -x 30 -y 20 "sleep 1000"
printf 'hi\nthere\nx' | $TMUX_BIN splitw -I; echo "rc=$?"
$TMUX_BIN list-panes -F '#{pane_id} #{pane_dead} #{?pane_pid,,none} [#{pane_start_command}] #{pane_active}'
$TMUX_BIN capture-pane -p -t %1
$TMUX_BIN display -p -t %1 'dead=#{pane_dead} status=#{pane_dead_status} #{cursor_x},#{cursor_y}'
echo hi | $TMUX_BIN splitw -I 'sleep 100'; echo "rc=$?"
$TMUX_BIN splitw -I -d -P -F '#{pane_id}' '' </dev/null; echo "rc=$?"
$TMUX_BIN list-panes -F '#{pane_id} #{pane_dead} [#{pane_start_command}]'
$TMUX_BIN respawn-pane -t %1 'cat'; echo "rc=$?"
$TMUX_BIN list-panes -F '#{pane_id} #{pane_dead} [#{pane_start_command}]'
$TMUX_BIN kill-pane -t %3; echo "rc=$?"
$TMUX_BIN list-panes -F '#{pane_id}'
