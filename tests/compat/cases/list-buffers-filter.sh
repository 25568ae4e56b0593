# lsb -f: only the buffers the filter is true for.
$TMUX_BIN new -d -n w -s s cat
$TMUX_BIN setb -b keep-a aaa
$TMUX_BIN setb -b drop bbb
$TMUX_BIN setb -b keep-b cccc
$TMUX_BIN lsb -F '#{buffer_name}' -f '#{m:keep*,#{buffer_name}}'
echo --
$TMUX_BIN lsb -F '#{buffer_name}' -f '#{==:#{buffer_size},3}'
echo --
$TMUX_BIN lsb -f '#{==:#{buffer_name},drop}'
