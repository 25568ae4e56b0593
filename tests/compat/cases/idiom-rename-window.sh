# Rename a window and stop it renaming itself.
. "$COMPAT_LIB"
$T new -d -s x cat
$T rename-window -t x:0 editor
$T list-windows -t x -F '#{window_name} #{automatic-rename}'
