# Tear down a session and check it is gone.
. "$COMPAT_LIB"
$T new -d -s x cat
$T new -d -s y cat
$T kill-session -t x
echo "rc=$?"
$T has -t x
echo "rc=$?"
$T ls -F '#S'
