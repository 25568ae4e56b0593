# Two commands on one shell command line, separated by a ';' word.
. "$COMPAT_LIB"
$T -f /dev/null new -d
$T display -p a \; display -p b
echo "rc=$?"
