# remain-on-exit failed keeps a pane whose command failed, with its status.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s a
$TMUX_BIN set -gw remain-on-exit failed
$TMUX_BIN new-window -d -t a:2 'exit 3'
wait_dead a:2
# tmux marks a pane dead at its pty's end, and knows the status once the program is reaped
wait_format a:2 '#{pane_dead_status}' 3
$TMUX_BIN list-windows -t a -F '#{window_index} #{pane_dead} #{pane_dead_status}'
$TMUX_BIN show -gw remain-on-exit
