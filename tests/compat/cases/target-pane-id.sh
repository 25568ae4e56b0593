# %N names a pane anywhere; session:%N or %N.x are not targets.
$TMUX_BIN new -d -n w -s a -x 80 -y 24 cat
$TMUX_BIN splitw -d cat
$TMUX_BIN new -d -n w -s b cat
$TMUX_BIN display -p -t %1 '#{session_name}:#{window_index}.#{pane_index}'
$TMUX_BIN lsp -t %2 -F '#{session_name} #{pane_id}'
$TMUX_BIN selectp -t %9; echo "rc=$?"
$TMUX_BIN selectp -t a:%1; echo "rc=$?"
$TMUX_BIN selectp -t %1.0; echo "rc=$?"
$TMUX_BIN has -t %1; echo "rc=$?"
