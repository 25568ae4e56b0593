# list-commands usage of choose-buffer, load-buffer and set-buffer; set-buffer and
# load-buffer take -t target-client (with -w the buffer goes to that client's clipboard):
# a client that is not there is no error, the buffer is still set
"$TMUX_BIN" -f /dev/null new -d -s work -x 80 -y 24 'sleep 1000'
"$TMUX_BIN" list-commands choose-buffer
"$TMUX_BIN" list-commands load-buffer
"$TMUX_BIN" list-commands set-buffer
"$TMUX_BIN" set-buffer -b one -t nosuch 'first'
echo "rc=$?"
"$TMUX_BIN" set-buffer -w -b two -t nosuch 'second'
echo "rc=$?"
printf 'from a file' > file.txt
"$TMUX_BIN" load-buffer -w -b three -t nosuch file.txt
echo "rc=$?"
"$TMUX_BIN" load-buffer -b four -t nosuch file.txt
echo "rc=$?"
"$TMUX_BIN" list-buffers -F '#{buffer_name}=#{buffer_sample}'
