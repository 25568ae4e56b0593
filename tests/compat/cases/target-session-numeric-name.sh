# Sessions named by number (new without -s) are names, not ids.
$TMUX_BIN new -d -n w cat
$TMUX_BIN new -d -n w cat
$TMUX_BIN new -d -n w -s 10 cat
$TMUX_BIN ls -F '#{session_name} #{session_id}'
$TMUX_BIN has -t 1; echo "rc=$?"
$TMUX_BIN has -t 10; echo "rc=$?"
$TMUX_BIN display -p -t 1 '#{session_name}'
$TMUX_BIN display -p -t 1: '#{session_name}'
