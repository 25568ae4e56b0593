# tpm (Debian's tmux-plugin-manager) with plugins from local directories: a plugin of our
# own and tmux-themepack (Debian's tmux-themepack-jimeh) chosen with @themepack; the
# status line as a user sees it, the plugin's key, and tpm's clean key (prefix M-u, which
# removes a plugin directory no longer listed; install and update would fetch from the
# network, which tests never do).
. "$ECO_LIB"
cd "$ECO_TMP" || exit 1
mkdir -p "$HOME/.tmux/plugins"
cp -r "$ECO_DATA/tpm-plugin" "$HOME/.tmux/plugins/eco-plugin"
ln -s /usr/share/tmux/theme-pack-jimeh "$HOME/.tmux/plugins/tmux-themepack"
mkdir -p "$HOME/.tmux/plugins/tpm" "$HOME/.tmux/plugins/old-plugin"
cat > "$HOME/.tmux.conf" <<'CONF'
set -g @plugin 'tmux-plugins/tpm'
set -g @plugin 'jimeh/tmux-themepack'
set -g @plugin 'eco/eco-plugin'
set -g @themepack 'powerline/block/cyan'
set -g display-time 5000
run '/usr/share/tmux-plugin-manager/tpm'
CONF

step "server with the plugins"
# A window name of its own: an automatic name is whatever ran in the pane when tmux
# looked (a child not yet exec'd is still named tmux), not what this case checks.
tmux new -d -s main -x 100 -y 20 -n win
tmux show -gqv @eco-loaded
tmux show-environment -g TMUX_PLUGIN_MANAGER_PATH | sed "s|$HOME|\$HOME|"
step "options the plugins set"
for o in status-left status-right status-style window-status-format window-status-current-format message-style pane-active-border-style; do
    tmux show -g "$o"
done
step "keys"
tmux list-keys -T prefix I
tmux list-keys -T prefix U
tmux list-keys -T prefix T
step "status line"
term_start 100 20 tmux attach -t main
# The theme's status-left has #(whoami): a job, shown when it has run.
term_wait main " $(whoami) "
status_line
step "plugin key"
term_keys C-b T
term_wait "eco plugin says hello"
status_line
step "clean key"
term_keys C-b M-u
term_wait "Done, press ENTER"
term_screen | no_times | sed 's/ *$//' | grep -v '^$'
ls "$HOME/.tmux/plugins"
