# show-prompt-history: every type, or one with -T
"$TMUX_BIN" -f /dev/null new -d -s work
"$TMUX_BIN" show-prompt-history
"$TMUX_BIN" showphist -T search
"$TMUX_BIN" showphist -T window-target | od -c
