# Plugins (tpm and friends) call back into the server from run-shell.
. "$COMPAT_LIB"
$T new -d -s x cat
$T run-shell "$T display -p 'in #S' > $COMPAT_TMP/out; $T set -g @from-run yes"
echo "rc=$?"
cat "$COMPAT_TMP/out"
$T show -gv @from-run
