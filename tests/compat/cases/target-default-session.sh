# Without -t: the most recently used session (the newest here), its current window and
# its active pane.
$TMUX_BIN new -d -s b -n bw cat
$TMUX_BIN new -d -s a -n aw cat
$TMUX_BIN splitw -d -t a cat
$TMUX_BIN display -p '#{session_name}:#{window_name}.#{pane_index}'
$TMUX_BIN lsp -F '#{session_name}:#{pane_index}'
$TMUX_BIN lsw -F '#{session_name}:#{window_name}'
$TMUX_BIN display -p -t '' '#{session_name}'
$TMUX_BIN display -p -t : '#{session_name}'
