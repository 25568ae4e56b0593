# history-file: the prompt history is read from the file when the server starts (after
# its config) and written back, one "type:entry" line each, when the server exits.
printf 'command:set @a 1\nsearch:foo\ncommand:display hi\nno type here\nwindow-target:1\n' >"$HOME/hist"
printf 'set -s history-file %s/hist\n' "$HOME" >"$HOME/conf"
"$TMUX_BIN" -f "$HOME/conf" new -d -s a
"$TMUX_BIN" show-prompt-history
"$TMUX_BIN" clear-prompt-history -T search
cp "$HOME/hist" "$HOME/before"
"$TMUX_BIN" kill-server
i=0
while [ $i -lt 200 ] && cmp -s "$HOME/hist" "$HOME/before"; do sleep 0.05; i=$((i + 1)); done
cat "$HOME/hist"
