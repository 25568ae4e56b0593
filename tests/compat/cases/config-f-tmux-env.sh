# A config's run-shell runs with TMUX set (so that it can call the server back).
. "$COMPAT_LIB"
cat > "$COMPAT_TMP/r.conf" <<'CONF'
run 'test -n "$TMUX" && touch "$COMPAT_TMP/had-tmux"'
CONF
$T -f "$COMPAT_TMP/r.conf" new -d
test -f "$COMPAT_TMP/had-tmux" && echo had-tmux
