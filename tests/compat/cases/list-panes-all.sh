# lsp -a: every pane of every session (sessions by name), session:window.pane in front.
echo 'set -g history-limit 2000' > conf
$TMUX_BIN -f "$PWD/conf" new -d -n w -s zz -x 80 -y 24 cat
$TMUX_BIN new -d -n w -s aa -x 80 -y 24 cat
$TMUX_BIN splitw -d -t aa cat
$TMUX_BIN neww -d -n w -t aa cat
$TMUX_BIN lsp -a | sed 's/, [0-9]* bytes/, N bytes/'
$TMUX_BIN lsp -a -F '#{session_name} #{window_index} #{pane_index} #{pane_id}'
