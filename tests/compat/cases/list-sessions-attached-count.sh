# ls after sessions come and go: the remaining ones, by name.
$TMUX_BIN new -d -n w -s b cat
$TMUX_BIN new -d -n w -s c cat
$TMUX_BIN new -d -n w -s a cat
$TMUX_BIN kill-session -t b
$TMUX_BIN new -d -n w -s bb cat
$TMUX_BIN ls -F '#{session_name} #{session_attached}'
