# scroll-on-clear: a cleared screen goes into the history (on) or is lost (off).
. "$COMPAT_LIB"
$TMUX_BIN new -d -s a
$TMUX_BIN new-window -d -t a:1 "printf 'one\ntwo\n\033[H\033[2JEND\n'; sleep 100"
wait_pane a:1 END
$TMUX_BIN capture-pane -p -S - -t a:1 | grep -v '^$'
$TMUX_BIN set -gw scroll-on-clear off
$TMUX_BIN new-window -d -t a:2 "printf 'one\ntwo\n\033[H\033[2JEND\n'; sleep 100"
wait_pane a:2 END
$TMUX_BIN capture-pane -p -S - -t a:2 | grep -v '^$'
