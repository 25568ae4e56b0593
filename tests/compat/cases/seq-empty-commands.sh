# Empty commands (';' words in a row, or first) are nothing.
. "$COMPAT_LIB"
$T -f /dev/null new -d
$T \; display -p x \; \; display -p y \;
echo "rc=$?"
