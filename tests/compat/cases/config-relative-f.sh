# a relative -f path is the client's: read from the directory tmux was started in
mkdir sub
printf 'set -g @from sub\n' > sub/conf
printf 'set -g @from top\n' > conf
cd sub
"$TMUX_BIN" -f conf new -d -s s -x 80 -y 24 'sleep 1000'; echo "rc=$?"
"$TMUX_BIN" show -gv @from
"$TMUX_BIN" source-file conf; echo "rc=$?"
"$TMUX_BIN" show -gv @from
cd ..
"$TMUX_BIN" source-file conf; echo "rc=$?"
"$TMUX_BIN" show -gv @from
"$TMUX_BIN" kill-server
