# -O and -r (newer tmux): the list commands in another order; 3.3a knows neither flag.
$TMUX_BIN new -d -s bb -n w cat
$TMUX_BIN new -d -s aa -n w cat
$TMUX_BIN new -d -s cc -n w cat
$TMUX_BIN neww -d -t aa:5 -n zed cat
$TMUX_BIN neww -d -t aa:3 -n alpha cat
$TMUX_BIN ls -r -F '#{session_name}'
$TMUX_BIN ls -O index -F '#{session_name}'
$TMUX_BIN lsw -t aa -O name -F '#{window_index}:#{window_name}'
$TMUX_BIN lsw -t aa -r -F '#{window_index}:#{window_name}'
$TMUX_BIN lsp -a -r -F '#{session_name}:#{window_index}'
$TMUX_BIN ls -O nonsense; echo "rc=$?"
