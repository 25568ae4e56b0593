# jump-backward and jump-to-backward (and jump-again, jump-reverse) go back over the rows
# autowrap joined to the cursor's, as tmux 3.3a; not into a line that ended.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 20 -y 6 "printf 'a bb c\\nabcdefghijklmnopqrstzyxwv\\n'; exec cat"
wait_pane s zyxwv
pos() {
    for c in "$@"; do
        $TMUX_BIN send-keys -X $c
        printf '%s ' "$($TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y}')"
    done
    echo
    $TMUX_BIN send-keys -X cancel
}
$TMUX_BIN set -g mode-keys vi
$TMUX_BIN copy-mode; pos history-top cursor-down cursor-down 'jump-backward t' 'jump-backward a' jump-again 'jump-forward y' jump-reverse
$TMUX_BIN copy-mode; pos history-top cursor-down cursor-down 'jump-to-backward t' 'jump-to-backward s' jump-again
$TMUX_BIN copy-mode; pos history-top cursor-down 'jump-backward b' 'jump-to-backward c'
