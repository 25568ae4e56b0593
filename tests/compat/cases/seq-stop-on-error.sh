# A failing command stops the rest of the command line; the client exits 1.
. "$COMPAT_LIB"
$T -f /dev/null new -d -s work
$T display -p a \; set -g no-such-option 1 \; display -p b
echo "rc=$?"
$T has -t work && echo still-there
