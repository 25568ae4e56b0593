# set-buffer -w and load-buffer -w without -t copy to tmux's current client's clipboard
# (OSC 52 to that terminal alone): the most recently active client of the most recently
# active session
"$TMUX_BIN" -f /dev/null new -d -s a -x 80 -y 24 'cat >/dev/null'
"$TMUX_BIN" new -d -s b -x 80 -y 24 'cat >/dev/null'
nclients() { "$TMUX_BIN" list-clients | wc -l; }
waitc() { i=0; while [ $i -lt 200 ] && [ "$(nclients)" -lt "$1" ]; do sleep 0.05; i=$((i + 1)); done; }
# waitfor FILE TEXT: wait (up to 10 s) until FILE holds TEXT
waitfor() { i=0; while [ $i -lt 200 ] && ! grep -qF "$2" "$1"; do sleep 0.05; i=$((i + 1)); done; }
mkfifo in1 in2
sleep 60 > in1 & k1=$!
sleep 60 > in2 & k2=$!
TERM=xterm script -qfec "$TMUX_BIN attach -t a" /dev/null <in1 >out1 2>&1 &
waitc 1
TERM=xterm-256color script -qfec "$TMUX_BIN attach -t b" /dev/null <in2 >out2 2>&1 &
waitc 2
"$TMUX_BIN" set-buffer -w one
echo "rc=$?"
printf 'x' > in1
i=0; while [ $i -lt 200 ] && [ "$("$TMUX_BIN" display -p '#{client_termname}')" != xterm ]; do sleep 0.05; i=$((i + 1)); done
"$TMUX_BIN" set-buffer -w two
printf three > f3
"$TMUX_BIN" load-buffer -w f3
"$TMUX_BIN" set -g set-clipboard off
"$TMUX_BIN" set-buffer -w four
"$TMUX_BIN" set -g set-clipboard external
# a last copy to each client by name: what came before it has been written
for c in $("$TMUX_BIN" list-clients -F '#{client_name}'); do "$TMUX_BIN" set-buffer -w -t "$c" end; done
waitfor out1 "$(printf end | base64)"
waitfor out2 "$(printf end | base64)"
for w in one two three four end; do
    b=$(printf %s "$w" | base64)
    echo "$w: xterm=$(grep -c "]52;c\?;$b" out1) xterm-256color=$(grep -c "]52;c\?;$b" out2)"
done
"$TMUX_BIN" list-buffers -F '#{buffer_name} #{buffer_sample}'
kill $k1 $k2
"$TMUX_BIN" kill-server
