# Where a search match off screen is shown (a quarter of the height above the bottom, or the
# history's top or bottom near its ends) and where the cursor lands (emacs keys, forward: at
# the match's end, and the next forward search may start there).
. "$COMPAT_LIB"
$TMUX_BIN new -d -s s -x 30 -y 10 "for i in \$(seq 0 99); do case \$i in 7|12|40|70|95) echo \"line \$i MARK\";; *) echo \"line \$i\";; esac; done; exec cat"
wait_pane s 'line 99'
for keys in emacs vi; do
    $TMUX_BIN set -g mode-keys $keys
    $TMUX_BIN copy-mode
    $TMUX_BIN send-keys -X history-top
    for c in 'search-forward MARK' 'search-forward MARK' 'search-forward MARK' search-again search-again \
        search-reverse search-reverse 'search-backward-text MARK' search-again search-reverse; do
        $TMUX_BIN send-keys -X $c
        printf '%s ' "$($TMUX_BIN display -p '#{copy_cursor_x},#{copy_cursor_y},#{scroll_position}')"
    done
    echo
    $TMUX_BIN send-keys -X cancel
done
