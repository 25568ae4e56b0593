# Options in formats: values as they are, user options, array items.
$TMUX_BIN new -d -s a
$TMUX_BIN set -g @greeting 'hello world'
$TMUX_BIN display -p '#{status-keys} #{history-limit} #{@greeting} #{mode-keys}'
$TMUX_BIN display -p '#{status-left}'
