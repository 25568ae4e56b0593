# A config's \; binds several commands to a key (the classic reload binding).
cat > "$COMPAT_TMP/conf" <<'CONF'
bind r source-file ~/.tmux.conf \; display "Reloaded!"
bind X kill-pane \; select-layout tiled
CONF
$TMUX_BIN new -d -s s -x 80 -y 24
$TMUX_BIN source-file "$COMPAT_TMP/conf"; echo "rc=$?"
$TMUX_BIN list-keys r
$TMUX_BIN list-keys X
