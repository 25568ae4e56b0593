# lsp -s: every pane of the target's session, with window.pane in front.
echo 'set -g history-limit 2000' > conf
$TMUX_BIN -f "$PWD/conf" new -d -s s -n one -x 80 -y 24 cat
$TMUX_BIN splitw -d -t s cat
$TMUX_BIN neww -d -t s -n two cat
$TMUX_BIN new -d -s other -n o cat
$TMUX_BIN lsp -s -t s | sed 's/, [0-9]* bytes/, N bytes/'
$TMUX_BIN lsp -s -t s:two -F '#{window_name}.#{pane_index}'
