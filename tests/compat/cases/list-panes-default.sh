# lsp: tmux's line per pane of a window (history bytes are tmux's memory: left out).
echo 'set -g history-limit 2000' > conf
$TMUX_BIN -f "$PWD/conf" new -d -s s -n w -x 80 -y 24 cat
$TMUX_BIN splitw -d -t s cat
$TMUX_BIN splitw -d -h -t s:w.1 cat
$TMUX_BIN lsp -t s | sed 's/, [0-9]* bytes/, N bytes/'
