# lsb: a long buffer's sample (tmux: its first 200 bytes) and control characters in it.
$TMUX_BIN new -d -n w -s s cat
$TMUX_BIN setb -b long "$(printf '%0300d' 0)"
$TMUX_BIN setb -b lines 'one
two	tab'
$TMUX_BIN lsb
