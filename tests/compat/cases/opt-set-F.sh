# set -F expands the value as a format for the target.
$TMUX_BIN new -d -s work
$TMUX_BIN set -F @s '#{session_name}-x'
$TMUX_BIN show -v @s
$TMUX_BIN set -gF status-left '#{session_name}:'
$TMUX_BIN show -gv status-left
$TMUX_BIN set -g @raw '#{session_name}'
$TMUX_BIN show -gv @raw
