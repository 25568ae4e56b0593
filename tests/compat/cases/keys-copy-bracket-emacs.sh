# Matching brackets with emacs keys (M-C-f, M-C-b), nested and across lines.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 50 -y 10 "printf 'f(a, [b {c}]) x\\n{\\n  y(z)\\n} end )\\n'; exec cat"
wait_pane s end
for keys in emacs; do
    $TMUX_BIN set -g mode-keys $keys
    $TMUX_BIN copy-mode
    $TMUX_BIN send-keys -X history-top
    for c in next-matching-bracket next-matching-bracket 'jump-forward [' next-matching-bracket previous-matching-bracket 'jump-forward {' next-matching-bracket end-of-line previous-matching-bracket cursor-down next-matching-bracket next-matching-bracket cursor-down start-of-line next-matching-bracket 'jump-forward )' previous-matching-bracket history-bottom cursor-up cursor-up end-of-line previous-matching-bracket; do
        $TMUX_BIN send-keys -X $c
        printf '%s ' "$($TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}')"
    done
    echo
    $TMUX_BIN send-keys -X cancel
done
