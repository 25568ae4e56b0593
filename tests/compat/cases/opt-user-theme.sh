# The theme idiom: set -goq @name only when not set, read back with #{@name}.
$TMUX_BIN new -d -s a
$TMUX_BIN set -goq @theme-colour red
$TMUX_BIN set -goq @theme-colour blue
echo "rc=$?"
$TMUX_BIN set -go @theme-colour blue
echo "rc=$?"
$TMUX_BIN show -gv @theme-colour
$TMUX_BIN display -p '#{@theme-colour}'
