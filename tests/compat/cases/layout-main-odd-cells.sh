# The other panes of main-horizontal and main-vertical share their row or column as tmux
# spreads them (the last takes the odd cells), for 2 to 7 panes in an odd-sized window,
# with the default main-pane sizes and with odd ones.
$TMUX_BIN new -d -s x -x 83 -y 27 'sleep 1000'
n=1
while [ $n -lt 7 ]; do
    $TMUX_BIN split-window -d -t x 'sleep 1000'
    $TMUX_BIN select-layout -t x tiled
    n=$((n + 1))
    for l in main-horizontal main-vertical; do
        $TMUX_BIN select-layout -t x $l
        echo "$n $l $($TMUX_BIN display -p -t x '#{window_layout}')"
    done
done
$TMUX_BIN set -w -t x main-pane-height 7
$TMUX_BIN set -w -t x main-pane-width 33
for l in main-horizontal main-vertical; do
    $TMUX_BIN select-layout -t x $l
    echo "7 $l $($TMUX_BIN display -p -t x '#{window_layout}')"
done
$TMUX_BIN kill-server
