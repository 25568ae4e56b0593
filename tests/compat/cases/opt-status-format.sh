# status-format: the default lines, one item set, reset.
$TMUX_BIN new -d -s a
$TMUX_BIN show -g status-format[1]
$TMUX_BIN set -g status-format[1] 'second #{session_name}'
$TMUX_BIN show -g status-format[1]
$TMUX_BIN show -gv status-format[1]
$TMUX_BIN set -gu status-format
$TMUX_BIN show -g status-format | wc -l
