# How hook commands read back: flags sorted and grouped, values and arguments quoted.
$TMUX_BIN new -d -s a
$TMUX_BIN set-hook -g after-new-window 'split -h -d -t a'
$TMUX_BIN set-hook -ga after-new-window 'display -p "a b"'
$TMUX_BIN set-hook -ga after-new-window 'set -g @x "#{session_name}"'
$TMUX_BIN set-hook -ga after-new-window 'new-window -d -n "my win" top'
$TMUX_BIN show-hooks -g after-new-window
