# tmux's default command aliases (command-alias): splitp, split-pane, choose-window...
. "$COMPAT_LIB"
$T -f /dev/null new -d -s a
$T splitp -d \; split-pane -d -h
echo "rc=$?"
$T list-panes -t a -F '#{pane_index}'
