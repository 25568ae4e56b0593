# set-hook / show-hooks: commands stored by their full names, items by index.
$TMUX_BIN new -d -s a
$TMUX_BIN set-hook -g after-new-window 'display hi; set -g status off'
$TMUX_BIN set-hook -ga after-new-window 'selectp -t 0'
$TMUX_BIN show-hooks -g | grep after-new
$TMUX_BIN show-hooks -g after-new-window
$TMUX_BIN set-hook -g after-new-window[5] 'list-keys -T root'
$TMUX_BIN show-hooks -g after-new-window
$TMUX_BIN set-hook -gu after-new-window[0]
$TMUX_BIN show-hooks -g after-new-window
$TMUX_BIN set-hook -gu after-new-window
$TMUX_BIN show-hooks -g after-new-window
