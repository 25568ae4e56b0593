# list-commands: every command with its usage, as tmux prints it
"$TMUX_BIN" -f /dev/null new -d -s work
"$TMUX_BIN" list-commands | grep -v -e '^display-popup ' -e '^link-window ' -e '^unlink-window '
