# {current} and {active} name the current pane (newer tmux; 3.3a does not know them).
$TMUX_BIN new -d -s a -n w -x 80 -y 24 cat
$TMUX_BIN splitw -d cat
$TMUX_BIN selectp -t '{current}'; echo "rc=$?"
$TMUX_BIN lsp -t '{active}' -F '#{pane_index}'; echo "rc=$?"
