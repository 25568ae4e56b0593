# switch-client: needs a client; -t session, session:window, -n, -l, -T tables; what -t
# names nothing says
"$TMUX_BIN" -f /dev/null new -d -s a 'sleep 1000'
"$TMUX_BIN" new -d -s b 'sleep 1000'
"$TMUX_BIN" neww -d -t b: 'sleep 1000'
"$TMUX_BIN" switchc -t b
echo "rc=$?"
mkfifo "$COMPAT_TMP/keys"
script -qfec "$TMUX_BIN attach -t a" /dev/null <"$COMPAT_TMP/keys" >/dev/null 2>&1 &
exec 3>"$COMPAT_TMP/keys"
i=0
while [ $i -lt 200 ] && [ "$("$TMUX_BIN" list-clients | wc -l)" -lt 1 ]; do sleep 0.05; i=$((i + 1)); done
. "$COMPAT_LIB"
wait_clients_raw
"$TMUX_BIN" switchc -t b:1
"$TMUX_BIN" list-clients -F '#{session_name}'
"$TMUX_BIN" display -p -t b '#{window_index}'
"$TMUX_BIN" switchc -l
"$TMUX_BIN" list-clients -F '#{session_name}'
"$TMUX_BIN" switchc -T bogus
echo "rc=$?"
"$TMUX_BIN" bind -T mytable x rename-window -t a:0 via-table
"$TMUX_BIN" switchc -T mytable
printf x >&3
i=0
while [ $i -lt 200 ] && [ "$("$TMUX_BIN" display -p -t a:0 '#{window_name}')" != via-table ]; do sleep 0.05; i=$((i + 1)); done
"$TMUX_BIN" display -p -t a:0 '#{window_name}'
"$TMUX_BIN" switchc -c /dev/nosuch -t a
echo "rc=$?"
# -t without ':', '.' or '%' is a session ("can't find session"), with one a pane
"$TMUX_BIN" switchc -t nosuch
echo "rc=$?"
"$TMUX_BIN" switchc -t nosuch:1
echo "rc=$?"
"$TMUX_BIN" switchc -t %99
echo "rc=$?"
"$TMUX_BIN" switchc -t '$1'
"$TMUX_BIN" list-clients -F '#{session_name}'

"$TMUX_BIN" detach-client -a
exec 3>&-
