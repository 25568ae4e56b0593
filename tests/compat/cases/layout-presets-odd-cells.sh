# The odd cells of even-horizontal, even-vertical and tiled go where tmux puts them
# (the last cell of a row, the last row), for 2 to 7 panes in an odd-sized window.
$TMUX_BIN new -d -s x -x 83 -y 27 'sleep 1000'
n=1
while [ $n -lt 7 ]; do
    $TMUX_BIN split-window -d -t x 'sleep 1000'
    $TMUX_BIN select-layout -t x tiled
    n=$((n + 1))
    for l in tiled even-horizontal even-vertical tiled; do
        $TMUX_BIN select-layout -t x $l
        echo "$n $l $($TMUX_BIN display -p -t x '#{window_layout}')"
    done
done
$TMUX_BIN kill-server
