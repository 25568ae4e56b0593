# move-window -t may name a free index (s:5, t:, :7, t:+1); a used one is "index in use";
# select-window and swap-window through the same targets.
$TMUX_BIN new -d -s s -n a cat
$TMUX_BIN neww -d -t s -n b cat
$TMUX_BIN new -d -s t -n c cat
$TMUX_BIN movew -s s:b -t s:5; echo "rc=$?"
$TMUX_BIN movew -s s:a -t t:; echo "rc=$?"
$TMUX_BIN movew -s t:c -t :7; echo "rc=$?"
$TMUX_BIN movew -s s:b -t t:+1; echo "rc=$?"
$TMUX_BIN movew -s nope -t t:3; echo "rc=$?"
$TMUX_BIN movew -s t:a -t t:7; echo "rc=$?"
$TMUX_BIN lsw -a -F '#{session_name}:#{window_index} #{window_name}'
$TMUX_BIN selectw -t t:7; echo "rc=$?"
$TMUX_BIN selectw -t 7; echo "rc=$?"
$TMUX_BIN selectw -t t:9; echo "rc=$?"
$TMUX_BIN swapw -s t:7 -t t:1; echo "rc=$?"
$TMUX_BIN lsw -a -F '#{session_name}:#{window_index} #{window_name}'
