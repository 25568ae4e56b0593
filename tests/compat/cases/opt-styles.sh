# Style options: checked when set, shown as given, formats allowed.
$TMUX_BIN new -d -s a
$TMUX_BIN set -g status-style 'fg=red,bg=bogus'; echo "rc=$?"
$TMUX_BIN set -g status-style 'fg=red bold'
$TMUX_BIN show -g status-style
$TMUX_BIN set -gw window-active-style 'bg=#101010'
$TMUX_BIN show -gw window-active-style
$TMUX_BIN set -gw pane-active-border-style '#{?pane_active,fg=red,fg=blue}'
$TMUX_BIN show -gw pane-active-border-style
