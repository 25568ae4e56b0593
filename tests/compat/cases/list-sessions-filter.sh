# ls -f: only the sessions the filter is true for (not empty, not 0).
$TMUX_BIN new -d -s web -n a cat
$TMUX_BIN new -d -s webapp -n b cat
$TMUX_BIN new -d -s docs -n c cat
$TMUX_BIN neww -d -n w -t docs cat
$TMUX_BIN ls -F '#S' -f '#{m:web*,#{session_name}}'
echo --
$TMUX_BIN ls -F '#S' -f '#{==:#{session_windows},2}'
echo --
$TMUX_BIN ls -F '#S' -f '0'
echo --
$TMUX_BIN ls -F '#S' -f ''
echo --
$TMUX_BIN ls -f '#{==:#{session_name},docs}' | sed 's/(created [^)]*)/(created DATE)/'
