# lsw -a: every session's windows, sessions by name, tmux's shorter line (trailing space).
$TMUX_BIN new -d -s zz -n last -x 80 -y 24 cat
$TMUX_BIN new -d -s aa -n first -x 80 -y 24 cat
$TMUX_BIN neww -d -t aa -n second cat
$TMUX_BIN lsw -a
$TMUX_BIN lsw -a -F '#{session_name}:#{window_index}:#{window_name}'
