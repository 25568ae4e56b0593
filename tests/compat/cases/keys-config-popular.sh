# Bindings popular configs and plugins make (vim-tmux-navigator, tmux-yank style).
cat > "$COMPAT_TMP/conf" <<'CONF'
is_vim="ps -o state= -o comm= -t '#{pane_tty}' | grep -iqE '^[^TXZ ]+ +(\\S+\\/)?g?(view|l?n?vim?x?|fzf)(diff)?$'"
bind-key -n 'C-h' if-shell "$is_vim" 'send-keys C-h'  'select-pane -L'
bind-key -n 'C-j' if-shell "$is_vim" 'send-keys C-j'  'select-pane -D'
bind-key -T copy-mode-vi 'C-h' select-pane -L
bind-key -T copy-mode-vi 'C-\' select-pane -l
bind-key -T copy-mode-vi y send-keys -X copy-pipe-and-cancel "xsel -i --clipboard"
bind-key -T copy-mode-vi Y send-keys -X copy-pipe-and-cancel "tmux paste-buffer"
bind -n M-H previous-window
bind -n M-L next-window
bind -r '<' swap-window -t -1
bind -r '>' swap-window -t +1
bind '"' split-window -v -c "#{pane_current_path}"
bind % split-window -h -c "#{pane_current_path}"
unbind -n MouseDown3Pane
unbind -T copy-mode-vi MouseDragEnd1Pane
bind -T copy-mode-vi MouseDragEnd1Pane send -X copy-selection-no-clear
bind-key -T copy-mode-vi DoubleClick1Pane select-pane \; send-keys -X select-word \; send-keys -X copy-pipe-no-clear "xclip -in -sel primary"
CONF
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN source-file "$COMPAT_TMP/conf"; echo "rc=$?"
$TMUX_BIN list-keys -T root C-h
$TMUX_BIN list-keys -T root C-j
$TMUX_BIN list-keys -T root M-H
$TMUX_BIN list-keys -T root M-L
$TMUX_BIN list-keys -T root MouseDown3Pane; echo "rc=$?"
$TMUX_BIN list-keys -T copy-mode-vi | grep -v 'send-keys -X [a-z-]*$'
$TMUX_BIN list-keys -T prefix | grep -e ' < ' -e ' > ' -e ' \\" ' -e ' \\% '
