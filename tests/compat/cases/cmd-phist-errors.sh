# clear-prompt-history / show-prompt-history: a bad type is an error
"$TMUX_BIN" -f /dev/null new -d -s work
"$TMUX_BIN" showphist -T bogus
echo "rc=$?"
"$TMUX_BIN" clearphist -T bogus
echo "rc=$?"
"$TMUX_BIN" clear-prompt-history
echo "rc=$?"
"$TMUX_BIN" clearphist -T command
echo "rc=$?"
"$TMUX_BIN" showphist -T command
