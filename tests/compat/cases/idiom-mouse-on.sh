# The first line of every dotfile's tmux.conf.
. "$COMPAT_LIB"
$T new -d -s x cat
$T set -g mouse on
echo "rc=$?"
$T show -g mouse
$T show -gv mouse
