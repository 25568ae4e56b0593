# { } blocks in a config's bind (tmux 3.0+ syntax).
cat > "$COMPAT_TMP/conf" <<'CONF'
bind T {
    split-window -h
    select-layout even-horizontal
}
bind -n F2 if -F '#{==:#{window_panes},1}' { split-window } { kill-pane }
CONF
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN source-file "$COMPAT_TMP/conf"; echo "rc=$?"
$TMUX_BIN list-keys T
$TMUX_BIN list-keys F2
