# copy-mode -q leaves every mode, -M does nothing without a mouse event, -H enters as usual.
. "$COMPAT_LIB"
$TMUX_BIN -f /dev/null new -d -s s -x 40 -y 10 "printf 'one\ntwo\n'; exec cat"
wait_pane s two
$TMUX_BIN copy-mode -q; echo "q none rc=$? #$($TMUX_BIN display -p '#{pane_in_mode}')"
$TMUX_BIN copy-mode -M; echo "M rc=$? #$($TMUX_BIN display -p '#{pane_in_mode}')"
$TMUX_BIN copy-mode -H; echo "H rc=$? #$($TMUX_BIN display -p '#{pane_in_mode} #{pane_mode}')"
$TMUX_BIN copy-mode -q; echo "q rc=$? #$($TMUX_BIN display -p '#{pane_in_mode}')"
$TMUX_BIN copy-mode; $TMUX_BIN clock-mode
$TMUX_BIN display -p 'stacked #{pane_in_mode} #{pane_mode}'
$TMUX_BIN copy-mode -q; echo "q all rc=$? #$($TMUX_BIN display -p '#{pane_in_mode}')"
$TMUX_BIN copy-mode -H -u; $TMUX_BIN display -p 'Hu #{pane_in_mode} #{scroll_position}'
$TMUX_BIN copy-mode -q -t s:0.0; $TMUX_BIN display -p 't #{pane_in_mode}'
