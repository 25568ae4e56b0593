# has-session -t with window and pane parts checks them too.
$TMUX_BIN new -d -s s -n w -x 80 -y 24 cat
for t in s s: s:w s:w.0 s:w.1 s:x s.0 s.3 =s '=s:w' ; do
    $TMUX_BIN has -t "$t"; echo "$t rc=$?"
done
