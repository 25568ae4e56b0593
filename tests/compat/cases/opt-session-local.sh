# show -t SESSION: only what the session sets, not the inherited globals; -A adds them.
$TMUX_BIN new -d -s a
$TMUX_BIN new -d -s b
$TMUX_BIN show -t a
echo "--"
$TMUX_BIN set -t a status-left 'A'
$TMUX_BIN set -t a history-limit 50
$TMUX_BIN show -t a
$TMUX_BIN show -t b
$TMUX_BIN show -t a status
$TMUX_BIN show -t a -A status
$TMUX_BIN show -t a -A | grep -c '\*'
$TMUX_BIN set -t a -u history-limit
$TMUX_BIN show -t a
