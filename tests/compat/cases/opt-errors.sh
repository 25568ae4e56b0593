# Error texts of set-option and show-options, verbatim.
$TMUX_BIN new -d -s a
for c in "set -g nosuch x" "set -g status-" "show -g statu" "show -g foo" "set -g history-limit bogus" \
    "set -g history-limit -1" "set -g history-limit 99999999999" "set -g mouse bogus" \
    "set -g status-justify bogus" "set -g status-style bogus" "set -g status-fg bogus" \
    "set -g prefix bogus" "set -g default-size 80" "set -g status[1] x" "set -g @x[1] y" \
    "set -g status-left" "set -g prefix" "set -g status-format" "set -go status on" \
    "set -t nosuch status off" "set -wt a:9 mode-keys vi" "set -pt a:0.5 remain-on-exit on" \
    "set -u nope" "show -t nosuch" "set -g default-shell bogus" "set -g repeat-time 40000"; do
    $TMUX_BIN $c
    echo "$c: rc=$?"
done
