# mode-keys vi: copy mode uses the copy-mode-vi table.
$TMUX_BIN new -d -s a 'cat'
$TMUX_BIN set -gw mode-keys vi
$TMUX_BIN copy-mode -t a
$TMUX_BIN display -p -t a '#{pane_in_mode} #{pane_mode}'
$TMUX_BIN send-keys -t a q
$TMUX_BIN display -p -t a '#{pane_in_mode}'
