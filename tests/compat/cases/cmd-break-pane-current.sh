# break-pane without -t makes its window in the current session, which from outside any
# pane is the most recently used one, not always the pane's.
. "$COMPAT_LIB"
"$T" -f /dev/null new -d -s a -x 80 -y 24 'sleep 1000'
"$T" splitw -d -t a 'sleep 1000'
"$T" new -d -s b -x 80 -y 24 'sleep 1000'
"$T" breakp -d -s a:0.1
echo "rc=$?"
"$T" lsw -a -F '#{session_name}:#{window_index} #{window_panes}'
"$T" splitw -d -t b:0 'sleep 1000'
"$T" breakp -d -s b:0.1 -P
"$T" lsw -a -F '#{session_name}:#{window_index} #{window_panes}'
