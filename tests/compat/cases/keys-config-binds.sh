# Bindings a typical config makes, loaded with source-file, as list-keys shows them.
cat > "$COMPAT_TMP/conf" <<'CONF'
unbind C-b
set -g prefix C-a
bind C-a send-prefix
bind | split-window -h -c "#{pane_current_path}"
bind - split-window -v -c "#{pane_current_path}"
bind c new-window -c "#{pane_current_path}"
bind -r H resize-pane -L 5
bind -n M-Left select-pane -L
bind-key -T copy-mode-vi v send-keys -X begin-selection
bind-key -T copy-mode-vi y send-keys -X copy-pipe-and-cancel 'xclip -in -selection clipboard'
bind-key -T copy-mode-vi C-v send-keys -X rectangle-toggle
bind -T copy-mode-vi MouseDragEnd1Pane send-keys -X copy-pipe-and-cancel "pbcopy"
bind -n WheelUpPane if-shell -F -t = "#{mouse_any_flag}" "send-keys -M" "if -Ft= '#{pane_in_mode}' 'send-keys -M' 'copy-mode -e'"
bind h select-pane -L
bind S command-prompt -p "new session:" "new-session -s '%%'"
CONF
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN source-file "$COMPAT_TMP/conf"; echo "rc=$?"
for k in C-a '|' - c H h S; do $TMUX_BIN list-keys -T prefix "$k"; done
$TMUX_BIN list-keys -T root M-Left
$TMUX_BIN list-keys -T root WheelUpPane
$TMUX_BIN list-keys -T copy-mode-vi v
$TMUX_BIN list-keys -T copy-mode-vi y
$TMUX_BIN list-keys -T copy-mode-vi C-v
$TMUX_BIN list-keys -T copy-mode-vi MouseDragEnd1Pane
$TMUX_BIN list-keys -T prefix C-b; echo "rc=$?"
