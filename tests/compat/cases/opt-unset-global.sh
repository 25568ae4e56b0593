# -u on a global option restores the default; on a session, it inherits again.
$TMUX_BIN new -d -s a
$TMUX_BIN set -g history-limit 7
$TMUX_BIN set -gu history-limit
$TMUX_BIN show -g history-limit
$TMUX_BIN set status-keys vi
$TMUX_BIN show status-keys
$TMUX_BIN set -u status-keys
$TMUX_BIN show status-keys; echo "rc=$?"
$TMUX_BIN show -A status-keys
