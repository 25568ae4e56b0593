# break-pane -t is a window target that may name a free index; a used one is "index in use".
$TMUX_BIN new -d -s s -n a -x 80 -y 24 cat
$TMUX_BIN splitw -d -t s:a cat
$TMUX_BIN splitw -d -t s:a cat
$TMUX_BIN new -d -s t -n b cat
$TMUX_BIN breakp -d -s s:a.1 -t s:5; echo "rc=$?"
$TMUX_BIN breakp -d -s s:a.1 -t t:0; echo "rc=$?"
$TMUX_BIN breakp -d -s s:a.1 -t t:; echo "rc=$?"
$TMUX_BIN lsw -a -F '#{session_name}:#{window_index} #{window_panes}'
