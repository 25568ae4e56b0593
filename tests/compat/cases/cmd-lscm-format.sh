# list-commands -F and a command by name or alias
"$TMUX_BIN" -f /dev/null new -d -s work
"$TMUX_BIN" list-commands -F '#{command_list_name}|#{command_list_alias}|#{command_list_usage}' | grep -v -e '^display-popup|' -e '^link-window|' -e '^unlink-window|'
"$TMUX_BIN" list-commands new-window
"$TMUX_BIN" lscm lscm
"$TMUX_BIN" lscm kill-server | od -c
"$TMUX_BIN" lscm -F '[#{command_list_alias}]' kill-server
echo "nosuch: $("$TMUX_BIN" lscm nosuch-command; echo $?)"
