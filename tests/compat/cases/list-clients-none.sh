# lsc with no client attached prints nothing; -t checks the session.
$TMUX_BIN new -d -n w -s s cat
$TMUX_BIN lsc; echo "rc=$?"
$TMUX_BIN lsc -t s; echo "rc=$?"
$TMUX_BIN lsc -F '#{client_name}'; echo "rc=$?"
$TMUX_BIN lsc -t nope; echo "rc=$?"
