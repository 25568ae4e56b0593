# display-panes: needs a client; a digit selects a pane or runs the template
"$TMUX_BIN" -f /dev/null new -d -s w -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" splitw -d 'sleep 1001'
"$TMUX_BIN" displayp
echo "rc=$?"
mkfifo "$COMPAT_TMP/keys"
script -qfec "$TMUX_BIN attach -t w" /dev/null <"$COMPAT_TMP/keys" >/dev/null 2>&1 &
exec 3>"$COMPAT_TMP/keys"
i=0
while [ $i -lt 200 ] && [ "$("$TMUX_BIN" list-clients | wc -l)" -lt 1 ]; do sleep 0.05; i=$((i + 1)); done
. "$COMPAT_LIB"
wait_clients_raw
"$TMUX_BIN" displayp -b -d 0
printf 1 >&3
i=0
while [ $i -lt 200 ] && [ "$("$TMUX_BIN" display -p -t w '#{pane_index}')" != 1 ]; do sleep 0.05; i=$((i + 1)); done
"$TMUX_BIN" display -p -t w '#{pane_index}'
"$TMUX_BIN" displayp -b -d 0 'rename-window -t w:0 "chose-%%"'
printf 0 >&3
i=0
while [ $i -lt 200 ]; do
    case "$("$TMUX_BIN" display -p -t w:0 '#{window_name}')" in chose-*) break ;; esac
    sleep 0.05
    i=$((i + 1))
done
"$TMUX_BIN" display -p -t w:0 '#{window_name}'
"$TMUX_BIN" detach-client -a
exec 3>&-
