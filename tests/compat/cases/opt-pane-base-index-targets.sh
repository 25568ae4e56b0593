# pane-base-index 1: targets, -P output and list-panes count panes from 1; per window too.
$TMUX_BIN new -d -s a -x 80 -y 24 'sleep 1000'
$TMUX_BIN set -gw pane-base-index 1
$TMUX_BIN split-window -d -P -t a 'sleep 1000'
$TMUX_BIN split-window -d -P -F '#{pane_index}' -t a:0.2 'sleep 1000'
$TMUX_BIN display -p -t a:0.1 '#{pane_index} #{pane_active}'
$TMUX_BIN display -p -t a:0.3 '#{pane_index} #{pane_active}'
$TMUX_BIN display -p -t a:0.0 '#{pane_index}'; echo "rc=$?"
$TMUX_BIN select-pane -t a:0.2
$TMUX_BIN list-panes -t a -F '#{pane_index} #{pane_active}'
$TMUX_BIN new-window -d -t a:1 'sleep 1000'
$TMUX_BIN set -w -t a:1 pane-base-index 5
$TMUX_BIN split-window -d -t a:1 'sleep 1000'
$TMUX_BIN list-panes -t a:1 -F '#{pane_index}'
$TMUX_BIN display -p -t a:1.6 '#{pane_index}'
$TMUX_BIN kill-server
