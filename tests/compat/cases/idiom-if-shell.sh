# Conditional config: by shell test and by format.
. "$COMPAT_LIB"
$T new -d -s x cat
$T if-shell 'test 1 = 1' 'set -g @a yes' 'set -g @a no'
$T if-shell 'false' 'set -g @b yes' 'set -g @b no'
$T if-shell -F '#{==:#{session_name},x}' 'set -g @c yes' 'set -g @c no'
$T show -gv @a
$T show -gv @b
$T show -gv @c
