# A table option's scope decides where it goes, whatever -s/-w say.
$TMUX_BIN new -d -s a
$TMUX_BIN set -s status-left zz
$TMUX_BIN set -gw history-limit 3
$TMUX_BIN set -w status on
$TMUX_BIN show
$TMUX_BIN show -g history-limit
$TMUX_BIN show -s buffer-limit
$TMUX_BIN show -w mode-keys
$TMUX_BIN show -gw mode-keys
$TMUX_BIN show buffer-limit
