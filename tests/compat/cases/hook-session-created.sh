# session-created runs for new sessions, with the new session as the target. It runs from
# the notification, after `new` has returned (in tmux too): wait for its rename.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s a
$TMUX_BIN set-hook -g session-created 'rename-window -t "#{session_name}:0" created'
$TMUX_BIN new -d -s b
wait_format b:0 '#{window_name}' created
$TMUX_BIN list-windows -t b -F '#{window_name}'
