# The global environment: the server's at start; set-environment -g changes it.
$TMUX_BIN new -d -s a
$TMUX_BIN setenv -g GG 1
$TMUX_BIN showenv -g GG
$TMUX_BIN showenv -g HOME | sed "s|$HOME|HOME|"
$TMUX_BIN showenv -gs LANG
$TMUX_BIN setenv -gr GG
$TMUX_BIN showenv -g GG
$TMUX_BIN setenv -gu GG
$TMUX_BIN showenv -g GG; echo "rc=$?"
