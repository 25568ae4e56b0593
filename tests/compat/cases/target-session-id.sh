# $N names a session by id; a bad or unknown id is an error naming it.
$TMUX_BIN new -d -n w -s one cat
$TMUX_BIN new -d -n w -s two cat
$TMUX_BIN display -p -t '$1' '#{session_name} #{session_id}'
$TMUX_BIN has -t '$0'; echo "rc=$?"
$TMUX_BIN has -t '$7'; echo "rc=$?"
$TMUX_BIN has -t '$x'; echo "rc=$?"
$TMUX_BIN lsw -t '$1' -F '#{session_name}:#{window_index}'
