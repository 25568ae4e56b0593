# remain-on-exit failed keeps a pane whose command failed, with its status.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s a
$TMUX_BIN set -gw remain-on-exit failed
# The program ends (status 3) before its pty does: a child that ignores SIGHUP holds the
# pty a moment longer, so the status is known when the pane is found dead (in tmux 3.3a,
# a pane whose pty ended before its program was reaped sometimes never got its status on
# a loaded machine).
$TMUX_BIN new-window -d -t a:2 "(trap '' HUP; exec sleep 0.3) & exit 3"
wait_dead a:2
wait_format a:2 '#{pane_dead_status}' 3
$TMUX_BIN list-windows -t a -F '#{window_index} #{pane_dead} #{pane_dead_status}'
$TMUX_BIN show -gw remain-on-exit
