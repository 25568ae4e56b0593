# tmux's default automatic-rename-format: "[tmux]" while the active pane is in a mode, the
# foreground command's name again when it leaves; a pane kept by remain-on-exit is named
# "NAME[dead]" at its next change (here: a mode entered and left), not at its death.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s a -x 80 -y 24 'sleep 1000'
$TMUX_BIN copy-mode -t a:0
wait_format a:0 '#{window_name}' '[tmux]'
$TMUX_BIN list-windows -t a -F '#{window_name} #{pane_in_mode}'
$TMUX_BIN send-keys -t a:0 -X cancel
wait_format a:0 '#{pane_in_mode}' 0
$TMUX_BIN set -g remain-on-exit on
$TMUX_BIN new-window -d -t a:1 'sleep 0.3; exit 3'
wait_dead a:1
$TMUX_BIN copy-mode -t a:1
wait_format a:1 '#{window_name}' '[tmux]'
$TMUX_BIN send-keys -t a:1 -X cancel
wait_format a:1 '#{window_name}' 'sleep[dead]'
$TMUX_BIN list-windows -t a -F '#{window_index} #{window_name} #{pane_dead}'
