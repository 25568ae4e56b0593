# move-window -r with a window linked twice in the session: the stack of last windows
# keeps each window at its first link (tmux makes new links and finds them by window), so
# the current window can be the last one too ("*-"), and last-window then finds none.
# (A stack holding both links of one window hangs tmux 3.3a: not done here.)
T=$TMUX_BIN
F='#{window_index} #{window_id} #{window_flags} #{window_last_flag}'
"$T" -f /dev/null new -d -s s -x 80 -y 24 'sleep 1000'
"$T" neww -d -t s:1 'sleep 1000'
"$T" linkw -d -s s:0 -t s:4
"$T" selectw -t s:4
"$T" selectw -t s:0
"$T" lsw -t s -F "$F"
"$T" movew -r -t s
echo "rc=$?"
"$T" lsw -t s -F "$F"
"$T" last-window -t s
echo "rc=$?"
"$T" display -p -t 's:!' '#{window_index}'
# A change in the session's group keeps the stack as it is, by index.
"$T" new -d -s g -t s
"$T" neww -d -t g: 'sleep 1000'
"$T" lsw -t s -F "$F"
# The last window becomes the first link of its window.
"$T" new -d -s t -x 80 -y 24 'sleep 1000'
"$T" neww -d -t t:1 'sleep 1000'
"$T" neww -d -t t:2 'sleep 1000'
"$T" linkw -d -s t:1 -t t:5
"$T" selectw -t t:5
"$T" selectw -t t:2
"$T" movew -r -t t
"$T" lsw -t t -F "$F"
"$T" last-window -t t
echo "rc=$?"
"$T" lsw -t t -F "$F"
# The first link is the one at the lowest index, not the oldest.
"$T" new -d -s u -x 80 -y 24 'sleep 1000'
"$T" neww -d -t u:3 'sleep 1000'
"$T" linkw -d -s u:3 -t u:1
"$T" selectw -t u:3
"$T" selectw -t u:0
"$T" movew -r -t u
"$T" lsw -t u -F "$F"
