# select-pane -m marks a pane (again: unmarks it), -M unmarks; ~ and {marked} name it.
$TMUX_BIN new -d -n w -s a -x 80 -y 24 cat
$TMUX_BIN splitw -d cat
$TMUX_BIN new -d -n w -s b cat
$TMUX_BIN selectp -m -t a:0.1
$TMUX_BIN lsp -a -F '#{pane_id} #{pane_marked} #{pane_marked_set} #{window_flags}'
$TMUX_BIN display -p -t '~' '#{session_name}:#{window_index}.#{pane_index}'
$TMUX_BIN display -p -t '{marked}' '#{pane_id}'
$TMUX_BIN selectp -m -t a:0.1
$TMUX_BIN lsp -a -F '#{pane_id} #{pane_marked} #{pane_marked_set}'
$TMUX_BIN selectp -m -t a:0.0
$TMUX_BIN selectp -m -t b
$TMUX_BIN lsp -a -F '#{pane_id} #{pane_marked} #{pane_marked_set} #{pane_active}'
$TMUX_BIN selectp -M -t a
$TMUX_BIN lsp -a -F '#{pane_id} #{pane_marked} #{pane_marked_set}'
