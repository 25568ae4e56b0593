# powerline (Debian's) tmux segment: ~/.tmux.conf sources powerline's tmux binding, which
# runs `powerline-config tmux setup` (it reads `tmux -V`, sets _POWERLINE_* in the global
# environment and sources the files for that version); the status line as drawn, with the
# right side's segments fixed to the user and host name (the defaults show load and uptime).
. "$ECO_LIB"
cd "$ECO_TMP" || exit 1
mkdir -p "$HOME/.config/powerline/themes/tmux"
cat > "$HOME/.config/powerline/themes/tmux/default.json" <<'JSON'
{"segments": {"right": [{"function": "powerline.segments.common.env.user"},
                        {"function": "powerline.segments.common.net.hostname"}]}}
JSON
echo 'source-file /usr/share/powerline/bindings/tmux/powerline.conf' > "$HOME/.tmux.conf"
step "server"
tmux new -d -s pl -x 100 -y 8 -n first
tmux neww -d -t pl -n second
tmux show-environment -g | grep '^_POWERLINE' | sort
step "options"
for o in status-interval status-left status-right status-left-length status-right-length window-status-format window-status-current-format; do
    tmux show -g "$o"
done
step "status line"
term_start 100 8 tmux attach -t pl
term_wait second root
status_line
step "next window"
tmux next-window -t pl
# The right side is a job whose command names the pane: a new pane's job shows when it has
# run, after the window's own change ("1*": window 1 is current).
term_wait "1*" root
term_redraw
status_line
