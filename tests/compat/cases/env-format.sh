# set-environment -F expands the value as a format.
$TMUX_BIN new -d -s work
$TMUX_BIN setenv -F FMT '#{session_name}!'
$TMUX_BIN showenv FMT
$TMUX_BIN setenv RAW '#{session_name}'
$TMUX_BIN showenv RAW
