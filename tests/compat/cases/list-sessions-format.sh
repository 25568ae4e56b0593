# ls -F: one expanded line per session.
$TMUX_BIN new -d -s one -n a cat
$TMUX_BIN neww -d -n w -t one cat
$TMUX_BIN new -d -s two -n b cat
$TMUX_BIN ls -F '#{session_name}|#{session_windows}|#{session_attached}|#{?session_attached,yes,no}|#{session_id}'
$TMUX_BIN ls -F ''
