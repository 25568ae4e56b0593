# tmuxp/dotfiles: a session, a horizontal split and a vertical one in one command line.
. "$COMPAT_LIB"
$T new -d -s x -x 120 -y 40 \; split-window -h \; split-window -v
echo "rc=$?"
$T list-panes -t x -F '#{pane_index} #{pane_width}x#{pane_height} #{pane_active}'
