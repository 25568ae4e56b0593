# select-window through relative targets.
$TMUX_BIN new -d -s s -n a cat
$TMUX_BIN neww -d -t s -n b cat
$TMUX_BIN neww -d -t s -n c cat
$TMUX_BIN selectw -t s:+
$TMUX_BIN display -p '#{window_name}'
$TMUX_BIN selectw -t s:+2
$TMUX_BIN display -p '#{window_name}'
$TMUX_BIN selectw -t 's:{end}'
$TMUX_BIN display -p '#{window_name}'
$TMUX_BIN selectw -t 's:!'
$TMUX_BIN display -p '#{window_name}'
$TMUX_BIN selectw -t s:b
$TMUX_BIN display -p '#{window_name} #{window_flags}'
