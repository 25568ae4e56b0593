# rename-session / rename-window: formats, '.' and ':' made '_', errors as tmux
"$TMUX_BIN" -f /dev/null new -d -s w -n a 'sleep 1000'
"$TMUX_BIN" renamew -t w:0 'x#{session_name}'
"$TMUX_BIN" rename -t w 'n.m:o'
"$TMUX_BIN" ls -F '#{session_name}'
"$TMUX_BIN" lsw -t n_m_o -F '#{window_name}'
"$TMUX_BIN" rename -t n_m_o ''
echo "rc=$?"
"$TMUX_BIN" new -d -s dup 'sleep 1000'
"$TMUX_BIN" rename -t n_m_o dup
echo "rc=$?"
"$TMUX_BIN" rename -t dup dup
echo "rc=$?"
"$TMUX_BIN" renamew -t dup:0 ''
"$TMUX_BIN" lsw -t dup -F '[#{window_name}]'
