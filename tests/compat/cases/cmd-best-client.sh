# without -c, display-message (as every command taking a target client) acts for tmux's
# best client: the most recently active client of the most recently active session
"$TMUX_BIN" -f /dev/null new -d -s a -x 80 -y 24 'cat >/dev/null'
"$TMUX_BIN" new -d -s b -x 80 -y 24 'cat >/dev/null'
nclients() { "$TMUX_BIN" list-clients | wc -l; }
waitc() { i=0; while [ $i -lt 200 ] && [ "$(nclients)" -lt "$1" ]; do sleep 0.05; i=$((i + 1)); done; }
show() { "$TMUX_BIN" display -p "$1: #{client_termname} #{client_session}"; }
mkfifo in1 in2
sleep 60 > in1 & k1=$!
sleep 60 > in2 & k2=$!
TERM=screen script -qfec "$TMUX_BIN attach -t a" /dev/null <in1 >/dev/null 2>&1 &
waitc 1
TERM=xterm script -qfec "$TMUX_BIN attach -t b" /dev/null <in2 >/dev/null 2>&1 &
waitc 2
show first
"$TMUX_BIN" new-window -d -t a
show 'new-window a'
"$TMUX_BIN" select-window -t a:1
show 'select-window a'
printf 'x' > in1
i=0; while [ $i -lt 200 ] && [ "$(show k)" != "k: screen a" ]; do sleep 0.05; i=$((i + 1)); done
show 'typed in a'
sc=$("$TMUX_BIN" list-clients -F '#{client_name} #{client_termname}' | grep ' screen$' | cut -d' ' -f1)
xc=$("$TMUX_BIN" list-clients -F '#{client_name} #{client_termname}' | grep ' xterm$' | cut -d' ' -f1)
"$TMUX_BIN" switch-client -c "$xc" -t a
show 'both on a'
printf 'x' > in2
i=0; while [ $i -lt 200 ] && [ "$(show k)" != "k: xterm a" ]; do sleep 0.05; i=$((i + 1)); done
show 'typed xterm'
printf 'x' > in1
i=0; while [ $i -lt 200 ] && [ "$(show k)" != "k: screen a" ]; do sleep 0.05; i=$((i + 1)); done
show 'typed screen'
"$TMUX_BIN" switch-client -c "$sc" -t b
show 'screen to b'
"$TMUX_BIN" list-clients -F '#{client_termname} #{client_session}' | sort
kill $k1 $k2
"$TMUX_BIN" kill-server
