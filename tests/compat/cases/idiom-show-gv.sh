# Read option values back unquoted (themes, plugins).
. "$COMPAT_LIB"
$T new -d -s x cat
$T set -g @plugin 'tmux-plugins/tpm'
$T show -gv @plugin
$T show -gv base-index
$T show -gv status-left
$T show -gqv @nope
echo "rc=$?"
