# Shell commands the server runs (if-shell, run-shell) see the global environment as
# set-environment -g leaves it (powerline's status segments read what its setup put there).
. "$COMPAT_LIB"
$T -f /dev/null new -d -s x 'sleep 1000'
$T set-environment -g ECO_FOO fromglobal
$T if-shell '[ "$ECO_FOO" = fromglobal ]' 'set -g @seen yes' 'set -g @seen no'
$T show -gv @seen
$T set-environment -gu ECO_FOO
$T if-shell '[ -z "${ECO_FOO+x}" ]' 'set -g @gone yes' 'set -g @gone no'
$T show -gv @gone
$T run-shell 'echo "[$ECO_FOO]" > out.txt'
cat out.txt
