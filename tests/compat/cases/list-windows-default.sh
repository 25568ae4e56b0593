# lsw: tmux's line per window (index, name, flags, panes, size, layout, id, active).
$TMUX_BIN new -d -s s -n editor -x 80 -y 24 cat
$TMUX_BIN neww -d -t s -n logs cat
$TMUX_BIN neww -d -t s:5 -n five cat
$TMUX_BIN splitw -d -t s:editor cat
$TMUX_BIN selectw -t s:logs
$TMUX_BIN lsw -t s
$TMUX_BIN list-windows -t s -F '#{window_index}:#{window_name}:#{window_active}'
