# .! and .{last}: the previously active pane of the window.
$TMUX_BIN new -d -n w -s s -x 80 -y 24 cat
$TMUX_BIN splitw -d cat
$TMUX_BIN splitw -d cat
$TMUX_BIN selectp -t .! ; echo "rc=$?"
$TMUX_BIN selectp -t .2
$TMUX_BIN selectp -t .1
$TMUX_BIN display -p -t '.!' '#{pane_index}'
$TMUX_BIN display -p -t '.{last}' '#{pane_index}'
$TMUX_BIN selectp -t '.!'
$TMUX_BIN display -p '#{pane_index}'
