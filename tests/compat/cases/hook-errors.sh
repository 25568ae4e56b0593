# set-hook errors: unknown hook, unknown command (the array is emptied first, as tmux).
$TMUX_BIN new -d -s a
$TMUX_BIN set-hook -g nosuch 'display x'; echo "rc=$?"
$TMUX_BIN set-hook -g after-new-window 'display x'
$TMUX_BIN set-hook -g after-new-window 'bogus-cmd'; echo "rc=$?"
$TMUX_BIN show-hooks -g after-new-window
$TMUX_BIN set-hook -g status 'display x'; echo "rc=$?"
$TMUX_BIN set-hook -g after-new-window; echo "rc=$?"
