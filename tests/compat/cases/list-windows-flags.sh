# The flags in lsw: * current, - last, M the marked pane, Z zoomed.
$TMUX_BIN new -d -s s -n a -x 80 -y 24 cat
$TMUX_BIN neww -d -t s -n b cat
$TMUX_BIN neww -d -t s -n c cat
$TMUX_BIN splitw -d -t s:c cat
$TMUX_BIN selectw -t s:b
$TMUX_BIN selectw -t s:c
$TMUX_BIN selectp -m -t s:a
$TMUX_BIN resize-pane -Z -t s:c
$TMUX_BIN lsw -t s -F '#{window_name}#{window_flags}'
