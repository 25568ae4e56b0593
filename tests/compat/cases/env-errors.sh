# set-environment and show-environment errors, verbatim.
$TMUX_BIN new -d -s a
$TMUX_BIN setenv '' x; echo "rc=$?"
$TMUX_BIN setenv 'A=B' x; echo "rc=$?"
$TMUX_BIN setenv ONLY; echo "rc=$?"
$TMUX_BIN setenv -u FOO x; echo "rc=$?"
$TMUX_BIN setenv -r FOO x; echo "rc=$?"
$TMUX_BIN showenv NOPE; echo "rc=$?"
$TMUX_BIN setenv -t nosuch X 1; echo "rc=$?"
$TMUX_BIN showenv -t nosuch; echo "rc=$?"
