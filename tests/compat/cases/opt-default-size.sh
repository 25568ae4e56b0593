# default-size: WIDTHxHEIGHT, used for detached sessions.
$TMUX_BIN new -d -s a
$TMUX_BIN set -g default-size 100x30
$TMUX_BIN new -d -s b
$TMUX_BIN show -g default-size
$TMUX_BIN display -p -t b '#{window_width}x#{window_height}'
$TMUX_BIN set -g default-size 0x5; echo "rc=$?"
