#!/usr/bin/env bash
# A tpm plugin as plugins are written (tests/ecosystem/cases/tpm.sh): its *.tmux file runs
# tmux commands to set options and bind keys.
CURRENT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
tmux set-option -g @eco-loaded "$(basename "$CURRENT_DIR")"
tmux bind-key T display-message "eco plugin says hello"
current=$(tmux show-option -gqv status-right)
tmux set-option -g status-right "[eco] $current"
