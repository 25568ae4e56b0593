# As tmux 3.3a, a pane offset counts from the current pane even in another window.
$TMUX_BIN new -d -n w -s work -x 80 -y 24 cat
$TMUX_BIN splitw -d -t work cat
$TMUX_BIN new -d -n w -s other cat
$TMUX_BIN display -p -t 'work:0.+1' '#{pane_index}'
$TMUX_BIN display -p -t 'work:0.-1' '#{pane_index}'
$TMUX_BIN display -p -t 'work:0.{down-of}' '#{pane_index}'
$TMUX_BIN selectp -t 'work:0.{down-of}'; echo "rc=$?"
