# lsb: tmux's line per buffer, newest first.
$TMUX_BIN new -d -n w -s s cat
$TMUX_BIN setb -b first 'hello world'
$TMUX_BIN setb 'second one'
$TMUX_BIN setb -b third 'a "quoted" one'
$TMUX_BIN lsb
$TMUX_BIN lsb -F '#{buffer_name}=#{buffer_size}'
