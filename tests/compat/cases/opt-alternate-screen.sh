# alternate-screen off: a program's alternate screen is ignored, what it printed stays.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s a
$TMUX_BIN set -gw alternate-screen off
$TMUX_BIN new-window -d -t a:1 "printf 'before\n\033[?1049hALT\033[?1049lEND\n'; sleep 100"
wait_pane a:1 END
$TMUX_BIN capture-pane -p -t a:1 | grep -v '^$'
