# lsw -f: only the windows the filter is true for.
$TMUX_BIN new -d -s s -n vim -x 80 -y 24 cat
$TMUX_BIN neww -d -t s -n build cat
$TMUX_BIN neww -d -t s -n vim2 cat
$TMUX_BIN splitw -d -t s:build cat
$TMUX_BIN lsw -t s -F '#{window_name}' -f '#{m:vim*,#{window_name}}'
echo --
$TMUX_BIN lsw -t s -F '#{window_name}' -f '#{!=:#{window_panes},1}'
echo --
$TMUX_BIN lsw -a -f '#{window_active}'
