# Number limits.
$TMUX_BIN new -d -s a
$TMUX_BIN set -g repeat-time 32767; echo "rc=$?"
$TMUX_BIN set -g repeat-time 32768; echo "rc=$?"
$TMUX_BIN set -g display-panes-time 0; echo "rc=$?"
$TMUX_BIN set -gw pane-base-index 65536; echo "rc=$?"
$TMUX_BIN set -g buffer-limit 0; echo "rc=$?"
$TMUX_BIN set -g base-index 2147483647; echo "rc=$?"
$TMUX_BIN set -g base-index 2147483648; echo "rc=$?"
$TMUX_BIN set -g base-index ' 5'; echo "rc=$?"
$TMUX_BIN show -g base-index
