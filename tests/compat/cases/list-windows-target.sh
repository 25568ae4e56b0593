# lsw -t names a session (a window part is checked too); without -t the current one.
$TMUX_BIN new -d -s a -n aw cat
$TMUX_BIN new -d -s b -n bw cat
$TMUX_BIN lsw -F '#{session_name}:#{window_name}'
$TMUX_BIN lsw -t a -F '#{session_name}:#{window_name}'
$TMUX_BIN lsw -t a:aw -F '#{session_name}:#{window_name}'
$TMUX_BIN lsw -t nope; echo "rc=$?"
$TMUX_BIN lsw -t a:nope; echo "rc=$?"
