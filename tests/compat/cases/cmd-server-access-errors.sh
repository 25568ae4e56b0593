# server-access: the errors, in tmux's order
"$TMUX_BIN" -f /dev/null new -d -s work
for a in "" "-a nosuchuser" "-a root" "-r root" "-d root" "-a -d nobody" "-r -w nobody" "-a -d nosuchuser"; do
    echo "== $a"
    "$TMUX_BIN" server-access $a
    echo "rc=$?"
done
"$TMUX_BIN" server-access -l
