# new-window -t is a window target that may name a free index: s:5, :+1, a bare 3; a
# used index is an error without -k; a session alone means its next free index.
$TMUX_BIN new -d -s s -n a cat
$TMUX_BIN new -d -s t -n b cat
$TMUX_BIN neww -d -t 3 -n three cat; echo "rc=$?"
$TMUX_BIN neww -d -t s:5 -n five cat; echo "rc=$?"
$TMUX_BIN neww -d -t s:5 -n again cat; echo "rc=$?"
$TMUX_BIN neww -d -t s:a -n again cat; echo "rc=$?"
$TMUX_BIN neww -d -t :+1 -n plus cat; echo "rc=$?"
$TMUX_BIN neww -d -t s: -n next cat; echo "rc=$?"
$TMUX_BIN neww -d -t s -n bare cat; echo "rc=$?"
$TMUX_BIN neww -d -t nope:2 -n x cat; echo "rc=$?"
$TMUX_BIN neww -d -t s:x -n x cat; echo "rc=$?"
$TMUX_BIN neww -d -k -t s:5 -n killed cat; echo "rc=$?"
$TMUX_BIN lsw -a -F '#{session_name}:#{window_index} #{window_name}'
