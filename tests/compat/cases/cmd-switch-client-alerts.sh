# A client that comes to a session (attach, switch-client, with a plain session name too)
# sees the alerts of that session's current window: they go from that link only; the
# window's other links keep theirs, as tmux 3.3a (select-window would clear them all).
. "$COMPAT_LIB"
"$T" -f /dev/null new -d -s a -x 80 -y 24 'sleep 1000'
"$T" neww -d -t a:1 'sleep 1000'
"$T" new -d -s b -x 80 -y 24 'sleep 1000'
"$T" linkw -d -s a:0 -t b:3
"$T" new -d -s c -x 80 -y 24 'sleep 1000'
"$T" set -g monitor-bell on
"$T" set -g bell-action any
F='#{session_name}:#{window_index} #{window_flags} #{window_bell_flag}'
bell() {
    "$T" respawn-pane -k -t "$1" 'printf "\a"; sleep 1000'
    wait_format "$2" '#{window_bell_flag}' 1
}
bell a:0 a:0
"$T" lsw -a -F "$F"
# A control client on c, then switched to a by name.
mkfifo in
sleep 60 > in & keep=$!
"$T" -C attach -t c < in > /dev/null &
start=$(date +%s)
until [ -n "$("$T" lsc -F '#{client_name}')" ] || waited_enough "$start"; do sleep 0.05; done
cl=$("$T" lsc -F '#{client_name}')
"$T" switch-client -c "$cl" -t a
echo "rc=$?"
"$T" lsw -a -F "$F"
# Back on c, a bell in a:0 (not current) and in a:1 (current, a has no client): the
# client's switch to a clears a:1's only.
"$T" switch-client -c "$cl" -t c
"$T" selectw -t a:1
bell a:0 a:0
bell a:1 a:1
"$T" lsw -t a -F "$F"
"$T" switch-client -c "$cl" -t a
"$T" lsw -t a -F "$F"
# attach-session does the same.
"$T" switch-client -c "$cl" -t c
bell a:1 a:1
mkfifo in2
sleep 60 > in2 & keep2=$!
"$T" -C attach -t a < in2 > /dev/null &
wait_format a '#{session_attached}' 1
"$T" lsw -t a -F "$F"
kill $keep $keep2
