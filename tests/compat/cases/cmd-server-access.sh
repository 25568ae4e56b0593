# server-access: add, read-only, writable, delete, list
"$TMUX_BIN" -f /dev/null new -d -s work
for a in "-l" "-a nobody" "-l" "-a nobody" "-r nobody" "-l" "-w nobody" "-l" "-d nobody" "-d nobody" "-l" "-r daemon" "-a -r daemon" "-l" "-l nobody"; do
    echo "== $a"
    "$TMUX_BIN" server-access $a
    echo "rc=$?"
done
