# jump-to-forward/-backward repeated with jump-again and jump-reverse, and in emacs keys.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 50 -y 10 "printf 'a.b.c.d.e.f.g\\nxx.yy\\n'; exec cat"
wait_pane s xx.yy
for keys in vi emacs; do
    $TMUX_BIN set -g mode-keys $keys
    $TMUX_BIN copy-mode
    $TMUX_BIN send-keys -X history-top
    for c in 'jump-to-forward .' jump-again jump-again jump-reverse jump-reverse 'jump-to-backward .' jump-again jump-reverse 'jump-forward .' jump-again jump-reverse 'jump-backward a' 'jump-forward é' '-N 2 jump-to-forward .' end-of-line 'jump-to-backward g' start-of-line 'jump-to-forward b'; do
        $TMUX_BIN send-keys -X $c
        printf '%s ' "$($TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}')"
    done
    echo
    $TMUX_BIN send-keys -X cancel
done
