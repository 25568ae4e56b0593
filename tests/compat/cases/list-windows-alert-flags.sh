# Window flags in tmux's order: # (## in window_flags) ! ~, then * -, M, Z.
$TMUX_BIN new -d -s a -n one -x 80 -y 24 cat
# Window two prints its bell once monitor-activity is on ($HOME/go), not after a delay.
$TMUX_BIN neww -d -n two 'while [ ! -e "$HOME/go" ]; do sleep 0.05; done; printf "x\a"; cat'
$TMUX_BIN neww -d -n three cat
$TMUX_BIN setw -t a:two monitor-activity on
$TMUX_BIN selectp -m -t a:two
touch "$HOME/go"
i=0; while [ "$($TMUX_BIN display -p -t a:two '#{window_bell_flag}')" != 1 ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done
$TMUX_BIN lsw -F '#{window_name} [#{window_flags}] [#{window_raw_flags}]'
$TMUX_BIN lsw
