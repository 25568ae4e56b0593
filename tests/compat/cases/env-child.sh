# New panes get the global and session environments merged: removed and hidden ones not.
. "$COMPAT_LIB"
$TMUX_BIN new -d -s a
$TMUX_BIN setenv FOO foo
$TMUX_BIN setenv -g GG global
$TMUX_BIN setenv -h HID secret
$TMUX_BIN setenv -g GONE2 here
$TMUX_BIN setenv -r GONE2
$TMUX_BIN setenv -g OVER global
$TMUX_BIN setenv OVER session
$TMUX_BIN new-window -d -t a:5 'echo "FOO=$FOO GG=$GG HID=${HID-unset} GONE2=${GONE2-unset} OVER=$OVER END"; sleep 100'
wait_pane a:5 END
$TMUX_BIN capture-pane -p -t a:5 | head -1
