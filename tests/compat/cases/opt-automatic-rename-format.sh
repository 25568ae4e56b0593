# automatic-rename-format: a window's automatic name is that format.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s a
$TMUX_BIN set -gw automatic-rename-format 'w-#{pane_dead}'
$TMUX_BIN new-window -d -t a:3 'while :; do echo tick; sleep 0.2; done'
i=0
while [ $i -lt 100 ] && [ "$($TMUX_BIN display -p -t a:3 '#{window_name}')" != w-0 ]; do
    sleep 0.1; i=$((i + 1))
done
$TMUX_BIN display -p -t a:3 '#{window_name}'
