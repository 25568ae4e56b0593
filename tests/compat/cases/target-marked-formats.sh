# The marked pane in formats: pane_marked, pane_marked_set, session_marked, window_marked_flag, M.
$TMUX_BIN new -d -s a -n one -x 80 -y 24 cat
$TMUX_BIN splitw -d -t a:one cat
$TMUX_BIN neww -d -t a -n two cat
$TMUX_BIN new -d -s b -n three cat
$TMUX_BIN selectp -m -t a:one.1
$TMUX_BIN lsp -a -F '#{session_name}:#{window_name}.#{pane_index} #{pane_marked} #{pane_marked_set} #{session_marked} #{window_marked_flag} [#{window_flags}]'
