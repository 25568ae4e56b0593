# main-pane-height/-width (lines or a percentage) and other-pane-height/-width in the
# main-* layouts.
$TMUX_BIN new -d -s a -x 81 -y 25
$TMUX_BIN split-window -d -t a
$TMUX_BIN split-window -d -t a
$TMUX_BIN set -w -t a main-pane-height 10
$TMUX_BIN select-layout -t a main-horizontal
$TMUX_BIN list-panes -t a -F '#{pane_width}x#{pane_height}'
$TMUX_BIN set -w -t a main-pane-height 50%
$TMUX_BIN select-layout -t a main-horizontal
$TMUX_BIN list-panes -t a -F '#{pane_width}x#{pane_height}'
$TMUX_BIN set -w -t a other-pane-height 5
$TMUX_BIN select-layout -t a main-horizontal
$TMUX_BIN list-panes -t a -F '#{pane_width}x#{pane_height}'
$TMUX_BIN set -w -t a main-pane-width 30
$TMUX_BIN select-layout -t a main-vertical
$TMUX_BIN list-panes -t a -F '#{pane_width}x#{pane_height}'
$TMUX_BIN set -w -t a other-pane-width 20
$TMUX_BIN select-layout -t a main-vertical
$TMUX_BIN list-panes -t a -F '#{pane_width}x#{pane_height}'
