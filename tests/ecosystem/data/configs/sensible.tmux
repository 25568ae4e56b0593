#!/usr/bin/env bash
# A plugin in the style of tmux-sensible (written for these tests): each setting only
# when the user has not changed it from tmux's default, found by asking tmux.
option_value_not_changed() {
    local option="$1" default_value="$2"
    [ "$(tmux show-option -gv "$option")" = "$default_value" ]
}
server_option_value_not_changed() {
    local option="$1" default_value="$2"
    [ "$(tmux show-option -sv "$option")" = "$default_value" ]
}
key_binding_not_set() {
    ! tmux list-keys | grep -q -e "bind-key[[:space:]]*-T prefix[[:space:]]*$1 "
}
main() {
    server_option_value_not_changed escape-time 500 && tmux set-option -s escape-time 0
    option_value_not_changed history-limit 2000 && tmux set-option -g history-limit 50000
    option_value_not_changed display-time 750 && tmux set-option -g display-time 4000
    option_value_not_changed status-interval 15 && tmux set-option -g status-interval 5
    server_option_value_not_changed focus-events off && tmux set-option -s focus-events on
    tmux set-option -g status-keys emacs
    tmux set-window-option -g aggressive-resize on
    local prefix
    prefix=$(tmux show-option -gv prefix)
    key_binding_not_set "C-p" && tmux bind-key C-p previous-window
    key_binding_not_set "C-n" && tmux bind-key C-n next-window
    key_binding_not_set "R" && tmux bind-key R run-shell "tmux source-file ~/.tmux.conf >/dev/null; tmux display-message 'Sourced .tmux.conf!'"
    if [ "$prefix" = "C-b" ]; then
        key_binding_not_set "b" && tmux bind-key b send-prefix
        key_binding_not_set "C-b" && tmux bind-key C-b last-window
    fi
}
main
