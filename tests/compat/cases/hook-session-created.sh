# session-created runs for new sessions, with the new session as the target.
$TMUX_BIN new -d -s a
$TMUX_BIN set-hook -g session-created 'rename-window -t "#{session_name}:0" created'
$TMUX_BIN new -d -s b
$TMUX_BIN list-windows -t b -F '#{window_name}'
